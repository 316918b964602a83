using Refinery.Domain;

namespace Refinery.Storage.Tests;

public sealed class StoragePathParserTests
{
    [Theory]
    [InlineData("obs://bucket/images/cat.jpg", "bucket", "images/cat.jpg")]
    [InlineData("s3://bucket/images/cat.jpg", "bucket", "images/cat.jpg")]
    [InlineData("/bucket/images/cat.jpg", "bucket", "images/cat.jpg")]
    [InlineData("OBS://bucket/a", "bucket", "a")]
    [InlineData("obs://my.bucket-1_x/a b/ü.png", "my.bucket-1_x", "a b/ü.png")]
    public void Parse_accepts_every_documented_form(string path, string bucket, string key) =>
        Assert.Equal(new ObjectPath(bucket, key), StoragePathParser.Parse("input", path));

    [Theory]
    [InlineData("obs://bucket")]
    [InlineData("obs://bucket/")]
    [InlineData("/bucket")]
    [InlineData("/bucket/")]
    public void Parse_accepts_an_empty_key_as_the_whole_bucket(string path) =>
        Assert.Equal(new ObjectPath("bucket", string.Empty), StoragePathParser.Parse("input", path));

    [Fact]
    public void Parse_drops_the_trailing_slash_of_a_directory_key() =>
        Assert.Equal(new ObjectPath("bucket", "data/images"), StoragePathParser.Parse("input", "obs://bucket/data/images/"));

    [Theory]
    [InlineData("obs://bucket//key")]
    [InlineData("obs://bucket/a//b")]
    [InlineData("s3://bucket/a/b//")]
    [InlineData("//bucket/key")]
    [InlineData("obs:///key")]
    public void Parse_refuses_a_double_slash_after_the_scheme_with_4315(string path) =>
        AssertRefused("ModelArts.4315", path);

    [Theory]
    [InlineData("")]
    [InlineData("obs://")]
    [InlineData("obs://bucket/./key")]
    [InlineData("obs://bucket/a/../key")]
    [InlineData("obs://bucket/..")]
    [InlineData("/bucket/.")]
    [InlineData("obs://bucket/a\\b")]
    [InlineData("obs://bucket/a\tb")]
    [InlineData("obs://bucket/a\nb")]
    [InlineData("obs://bucket/a\0b")]
    [InlineData("obs://bucket/a\u007fb")]
    [InlineData("obs://-bucket/key")]
    [InlineData("obs://.bucket/key")]
    [InlineData("obs://buc ket/key")]
    [InlineData("obs://bucket!/key")]
    [InlineData("obs://..")]
    public void Parse_refuses_empty_paths_dot_segments_and_bad_characters_with_4313(string path) =>
        AssertRefused("ModelArts.4313", path);

    [Fact]
    public void Parse_refuses_a_bucket_name_longer_than_63_characters_with_4313()
    {
        StoragePathParser.Parse("input", $"obs://{new string('b', 63)}/key");
        AssertRefused("ModelArts.4313", $"obs://{new string('b', 64)}/key");
    }

    [Theory]
    [InlineData("http://bucket/key")]
    [InlineData("file:///etc/passwd")]
    [InlineData("hdfs://bucket/key")]
    [InlineData("bucket/key")]
    [InlineData("C:/bucket/key")]
    public void Parse_refuses_other_schemes_and_relative_paths_with_4313(string path) =>
        AssertRefused("ModelArts.4313", path);

    [Fact]
    public void Parse_errors_name_the_field_and_the_path()
    {
        var error = Assert.Throws<ModelArtsException>(
            () => StoragePathParser.Parse("work_path.path", "obs://bucket/../etc"));

        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("work_path.path", error.Message, StringComparison.Ordinal);
        Assert.Contains("obs://bucket/../etc", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_double_slash_errors_name_the_field_too()
    {
        var error = Assert.Throws<ModelArtsException>(() => StoragePathParser.Parse("inputs[0].source", "/b//k"));

        Assert.Contains("inputs[0].source", error.Message, StringComparison.Ordinal);
    }

    private static void AssertRefused(string errorCode, string path)
    {
        var error = Assert.Throws<ModelArtsException>(() => StoragePathParser.Parse("input", path));
        Assert.Equal(errorCode, error.ErrorCode);
    }
}

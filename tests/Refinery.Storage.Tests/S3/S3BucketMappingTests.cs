using Refinery.Storage.S3;

namespace Refinery.Storage.Tests.S3;

public sealed class S3BucketMappingTests
{
    [Fact]
    public void Parse_reads_name_endpoint_and_credentials_and_maps_to_a_bucket_of_the_same_name()
    {
        var mapping = S3BucketMapping.Parse("images=http://127.0.0.1:9000,AK,SK");

        Assert.Equal("images", mapping.Name);
        Assert.Equal(new Uri("http://127.0.0.1:9000"), mapping.Options.Endpoint);
        Assert.Equal("AK", mapping.Options.AccessKey);
        Assert.Equal("SK", mapping.Options.SecretKey);
        Assert.Equal("images", mapping.Options.RemoteBucket);
        Assert.Equal("us-east-1", mapping.Options.Region);
    }

    [Fact]
    public void Parse_maps_to_the_remote_bucket_given_fourth()
    {
        var mapping = S3BucketMapping.Parse("images=https://obs.example.com, AK , SK ,prod-images-2024");

        Assert.Equal("images", mapping.Name);
        Assert.Equal("prod-images-2024", mapping.Options.RemoteBucket);
        Assert.Equal("AK", mapping.Options.AccessKey);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000,AK,SK", "'=' is missing")]
    [InlineData("=http://127.0.0.1:9000,AK,SK", "NAME is empty")]
    [InlineData("images=http://127.0.0.1:9000,AK", "found 2 comma-separated values")]
    [InlineData("images=http://127.0.0.1:9000,AK,SK,b1,extra", "found 5 comma-separated values")]
    [InlineData("images=127.0.0.1:9000,AK,SK", "endpoint '127.0.0.1:9000' must be an absolute http:// or https:// URL")]
    [InlineData("images=ftp://host,AK,SK", "endpoint 'ftp://host' must be an absolute http:// or https:// URL")]
    [InlineData("images=http://host,,SK", "access_key is empty")]
    [InlineData("images=http://host,AK,", "secret_key is empty")]
    [InlineData("images=http://host,AK,SK,", "bucket is empty")]
    [InlineData("images=http://host,AK,SK,ab", "bucket name 'ab' must be 3 to 63 characters long")]
    public void Parse_says_which_part_is_wrong(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => S3BucketMapping.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_errors_never_show_the_secret_key()
    {
        var error = Assert.Throws<FormatException>(() => S3BucketMapping.Parse("http://host,AK,TopSecret"));

        Assert.DoesNotContain("TopSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_never_show_the_secret_key()
    {
        var options = new S3StoreOptions(new Uri("http://host"), "AK", "TopSecret", "bucket");

        Assert.DoesNotContain("TopSecret", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Options_refuse_parts_smaller_than_S3_allows()
    {
        var options = new S3StoreOptions(new Uri("http://host"), "AK", "SK", "bucket") { PartSize = 1024 * 1024 };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("part size 1048576", error.Message, StringComparison.Ordinal);
    }
}

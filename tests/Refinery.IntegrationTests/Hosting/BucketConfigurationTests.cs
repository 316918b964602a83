using Refinery.Api.Hosting;
using Refinery.Cli.Commands;
using Refinery.Storage.S3;

namespace Refinery.IntegrationTests.Hosting;

/// <summary>How <c>refinery serve</c> and the server refuse S3 bucket settings that cannot work.</summary>
public sealed class BucketConfigurationTests
{
    [Fact]
    public void Serve_reads_each_storage_s3_option_as_one_bucket()
    {
        var settings = new ServeSettings { StorageS3 = ["photos=http://127.0.0.1:9000,AK,SK,remote-photos", "raw=https://obs.example.com,AK2,SK2"] };

        var buckets = settings.ResolveOptions().S3Buckets;

        Assert.True(settings.Validate().Successful);
        Assert.Equal("remote-photos", buckets["photos"].RemoteBucket);
        Assert.Equal(new Uri("https://obs.example.com"), buckets["raw"].Endpoint);
        Assert.Equal("raw", buckets["raw"].RemoteBucket);
    }

    [Fact]
    public void Serve_refuses_a_name_given_both_as_storage_root_and_as_storage_s3()
    {
        var settings = new ServeSettings { StorageRoots = [$"photos={Path.GetTempPath()}"], StorageS3 = ["photos=http://127.0.0.1:9000,AK,SK"] };

        var result = settings.Validate();

        Assert.False(result.Successful);
        Assert.Contains("'photos'", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("photos=http://127.0.0.1:9000,AK,TopSecret,x", "3 to 63 characters")]
    [InlineData("photos=ftp://host,AK,TopSecret", "http://")]
    [InlineData("photos=http://127.0.0.1:9000,AK", "expected 3 or 4")]
    [InlineData("photos=http://127.0.0.1:9000,AK,TopSecret;raw=http://h,AK,TopSecret", "form")]
    public void Serve_refuses_a_malformed_storage_s3_option_without_echoing_its_secret(string option, string reason)
    {
        var result = new ServeSettings { StorageS3 = [option] }.Validate();

        Assert.False(result.Successful);
        Assert.StartsWith("--storage-s3", result.Message, StringComparison.Ordinal);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_refuses_the_same_storage_s3_name_twice()
    {
        var result = new ServeSettings { StorageS3 = ["photos=http://a:9000,AK,SK", "photos=http://b:9000,AK,SK"] }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("more than once", result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("604801")]
    [InlineData("1h")]
    public void Serve_refuses_a_signed_url_lifetime_outside_1_second_to_7_days(string seconds)
    {
        var result = new ServeSettings { SignedUrlLifetime = seconds }.Validate();

        Assert.False(result.Successful);
        Assert.Contains("--signed-url-lifetime", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_refuses_to_start_with_a_name_that_is_both_a_local_root_and_an_S3_bucket()
    {
        var data = Directory.CreateTempSubdirectory("refinery-config-");
        try
        {
            var options = new RefineryOptions
            {
                DataDirectory = data.FullName,
                StorageRoots = new Dictionary<string, string> { ["photos"] = data.FullName },
                S3Buckets = new Dictionary<string, S3StoreOptions> { ["photos"] = new(new Uri("http://127.0.0.1:9000"), "AK", "SK", "photos") },
            };

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RefineryServer.BuildAsync(options));

            Assert.Contains("Bucket 'photos' is configured twice", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("65")]
    [InlineData("two")]
    public void A_worker_count_outside_1_to_64_is_refused_at_start(string workers) =>
        Assert.False(new ServeSettings { Workers = workers }.Validate().Successful);

    [Fact]
    public void The_worker_count_is_read_from_the_option() =>
        Assert.Equal(3, new ServeSettings { Workers = "3" }.ResolveOptions().WorkerCount);
}

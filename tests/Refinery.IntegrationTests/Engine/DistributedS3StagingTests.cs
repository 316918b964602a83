using System.Diagnostics;
using Refinery.IntegrationTests.Infrastructure;
using Refinery.Storage;
using Refinery.Storage.S3;
using Refinery.TestSupport;

namespace Refinery.IntegrationTests.Engine;

/// <summary>
/// <c>serve --no-workers</c> and two <c>worker</c> processes on one PostgreSQL whose staging is a prefix of an S3
/// bucket, not a shared folder: each process reads what the others staged, and the prefix is empty afterwards.
/// </summary>
public sealed class DistributedS3StagingTests : IAsyncLifetime
{
    // Two shards of 200, so both workers can take one.
    private const int SampleCount = 400;
    private const string StagingBucket = "stage";
    private const string StagingPrefix = "refinery-staging";

    private readonly PostgresCluster _cluster = new();
    private readonly S3rverFixture _s3 = new();
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("refinery-dist-s3-");

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        await _s3.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _s3.DisposeAsync();
        await _cluster.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task A_validation_run_by_two_workers_staging_in_S3_completes_with_every_sample_once_and_leaves_no_staging()
    {
        var images = _root.CreateSubdirectory("imgs").FullName;
        Directory.CreateDirectory(Path.Combine(images, "many"));
        for (var index = 0; index < SampleCount; index++)
        {
            File.WriteAllBytes(Path.Combine(images, "many", $"img{index:D4}.jpg"), TestImages.Jpeg(64, 48, index));
        }

        var remoteBucket = await _s3.CreateBucketAsync();
        string[] shared =
        [
            "--db", await _cluster.CreateDatabaseAsync(),
            "--storage-s3", $"{StagingBucket}={_s3.Endpoint},{S3rverFixture.AccessKey},{S3rverFixture.SecretKey},{remoteBucket}",
            "--staging-s3", $"s3://{StagingBucket}/{StagingPrefix}",
        ];
        var serveData = Path.Combine(_root.FullName, "serve");
        using var serve = await ServeProcess.StartAsync(serveData, ServeProcess.FreePort(), $"imgs={images}", [.. shared, "--no-workers"]);
        using var first = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-1"), $"imgs={images}", [.. shared, "--workers", "1"]);
        using var second = await ServeProcess.StartWorkerAsync(Path.Combine(_root.FullName, "worker-2"), $"imgs={images}", [.. shared, "--workers", "1"]);
        using var client = serve.CreateClient(serveData);

        var taskId = await client.CreateTaskAsync(TaskBodies.Validation("distributed-s3", "obs://imgs/many", "obs://imgs/out", taskType: "image_classification"));
        var versionId = await client.LatestVersionIdAsync(taskId);
        var version = await client.WaitForCompletionAsync(taskId, versionId);
        var results = await client.AllResultsAsync(taskId, versionId);

        Assert.Equal(2, version["status"]!.GetValue<int>());
        Assert.Equal(SampleCount, results.Count);
        Assert.Equal(SampleCount, results.Select(result => result["origin_source"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(SampleCount, File.ReadAllLines(Path.Combine(images, "out", "output", versionId, "output.manifest")).Length);
        Assert.Empty(await StagingLeftAsync(remoteBucket, TimeSpan.FromMinutes(1)));
        Assert.False(Directory.Exists(Path.Combine(serveData, "staging")), "serve staged in its data directory");
    }

    /// <summary>
    /// What is left under the staging prefix once it empties, or when <paramref name="timeout"/> passes: the worker that
    /// completes a version clears its staging just after the completion the client saw.
    /// </summary>
    private async Task<List<string>> StagingLeftAsync(string remoteBucket, TimeSpan timeout)
    {
        using var store = new S3ObjectStore(StagingBucket, _s3.Options(remoteBucket));
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var left = await store.ListAsync(new ObjectPath(StagingBucket, StagingPrefix), CancellationToken.None).Select(info => info.Path.Key).ToListAsync();
            if (left.Count == 0 || waited.Elapsed > timeout)
            {
                return left;
            }

            await Task.Delay(100);
        }
    }
}

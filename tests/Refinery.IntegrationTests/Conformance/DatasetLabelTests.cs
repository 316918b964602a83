using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Conformance;

/// <summary>Datasets report their labels and inner paths, and versions their label statistics, from the manifests.</summary>
[Collection(ServerCollection.Name)]
public sealed class DatasetLabelTests(RefineryInstance server)
{
    [Fact]
    public async Task A_dataset_lists_its_labels_and_where_its_annotations_and_data_are()
    {
        var datasetId = await LabelledDatasetAsync("dslabels");

        var dataset = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}")).Json;

        Assert.Equal(["cat", "dog"], dataset["labels"]!.AsArray().Select(label => label!["name"]!.GetValue<string>()));
        Assert.All(dataset["labels"]!.AsArray(), label => Assert.Equal(0, label!["type"]!.GetValue<int>()));
        Assert.Equal($"/imgs/dslabels/work/dataset-{datasetId}/annotation/", dataset["inner_annotation_path"]!.GetValue<string>());
        Assert.Equal("/imgs/dslabels/raw/", dataset["inner_data_path"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_dataset_list_gives_labels_only_when_asked_with_labels()
    {
        await LabelledDatasetAsync("dslistlabels");

        var plain = await server.Client.GetAsync($"{server.Client.Datasets}?search_content=dslistlabels");
        var labelled = await server.Client.GetAsync($"{server.Client.Datasets}?search_content=dslistlabels&with_labels=true");

        Assert.Null(plain.Json["datasets"]![0]!["labels"]);
        Assert.Equal(["cat", "dog"], labelled.Json["datasets"]![0]!["labels"]!.AsArray().Select(label => label!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_dataset_version_counts_each_label_from_its_manifest()
    {
        var datasetId = await LabelledDatasetAsync("dslabelstats");
        var versionId = (await server.Client.PostAsync($"{server.Client.Datasets}/{datasetId}/versions", "{}")).Json["version_id"]!.GetValue<string>();

        var version = (await server.Client.GetAsync($"{server.Client.Datasets}/{datasetId}/versions/{versionId}")).Json;

        var stats = version["label_stats"]!.AsArray().ToDictionary(label => label!["name"]!.GetValue<string>(), label => label!);
        Assert.Equal(["cat", "dog"], stats.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, stats["cat"]["count"]!.GetValue<int>());
        Assert.Equal(2, stats["cat"]["sample_count"]!.GetValue<int>());
        Assert.Equal(1, stats["dog"]["sample_count"]!.GetValue<int>());
    }

    /// <summary>A classification dataset over <c>raw/cat/</c> (2 images) and <c>raw/dog/</c> (1 image).</summary>
    private async Task<string> LabelledDatasetAsync(string prefix)
    {
        server.WriteImage($"{prefix}/raw/cat/1.jpg", TestImages.Jpeg(64, 48, 1));
        server.WriteImage($"{prefix}/raw/cat/2.jpg", TestImages.Jpeg(64, 48, 2));
        server.WriteImage($"{prefix}/raw/dog/3.jpg", TestImages.Jpeg(64, 48, 3));
        var dataset = await server.Client.CreateDatasetAsync($"{prefix}-ds", $"obs://imgs/{prefix}/raw", $"/imgs/{prefix}/work/");
        return dataset["dataset_id"]!.GetValue<string>();
    }
}

using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Operators.Cleaning;
using Refinery.Operators.Tests.Analysis;
using Refinery.Storage;

namespace Refinery.Operators.Tests.Cleaning;

/// <summary>PCC's params: ModelArts' defaults, the folders confined to configured buckets, every bad value a 400 naming it.</summary>
public sealed class PccParamsTests
{
    private static readonly BucketRouter _storage = new(new Dictionary<string, IObjectStore> { ["imgs"] = new MemoryObjectStore() });

    private static PccParams Parse(string json) => PccParams.Parse(new OperatorParameters(JsonNode.Parse(json)!.AsObject()), _storage);

    [Fact]
    public void Only_the_prototype_folder_is_required_and_the_rest_take_ModelArts_defaults()
    {
        var parameters = Parse("""{"prototype_sample_path": "obs://imgs/protos/", "criticism_sample_path": ""}""");

        Assert.Equal(new ObjectPath("imgs", "protos"), parameters.Prototypes.Path);
        Assert.Equal("params.prototype_sample_path", parameters.Prototypes.Parameter);
        Assert.Null(parameters.Criticisms);
        Assert.Null(parameters.ClusterCount);
        Assert.Equal((0.9, 0.2), (parameters.SimilarityThreshold, parameters.EmbeddingDistance));
        Assert.Equal(TaskTypes.ImageClassification, parameters.TaskType);
    }

    [Fact]
    public void Values_sent_as_strings_or_typed_JSON_read_alike()
    {
        var fromStrings = Parse("""{"prototype_sample_path": "/imgs/p", "criticism_sample_path": "/imgs/c", "n_clusters": "3", "simlarity_threshold": "0.75", "embedding_distance": "0.1"}""");
        var typed = Parse("""{"prototype_sample_path": "/imgs/p", "criticism_sample_path": "/imgs/c", "n_clusters": 3, "simlarity_threshold": 0.75, "embedding_distance": 0.1}""");

        Assert.Equal(fromStrings, typed);
        Assert.Equal(new ObjectPath("imgs", "c"), typed.Criticisms!.Path);
        Assert.Equal(3, typed.ClusterCount);
        Assert.Equal(["params.prototype_sample_path", "params.criticism_sample_path"], typed.ReferenceFolders.Select(folder => folder.Parameter));
    }

    [Theory]
    [InlineData("""{}""", "params.prototype_sample_path")]
    [InlineData("""{"prototype_sample_path": " "}""", "params.prototype_sample_path")]
    [InlineData("""{"prototype_sample_path": "obs://elsewhere/p"}""", "params.prototype_sample_path")]
    [InlineData("""{"prototype_sample_path": "obs://imgs/p", "criticism_sample_path": "obs://elsewhere/c"}""", "params.criticism_sample_path")]
    [InlineData("""{"prototype_sample_path": "obs://imgs/p", "simlarity_threshold": "1.01"}""", "params.simlarity_threshold")]
    [InlineData("""{"prototype_sample_path": "obs://imgs/p", "embedding_distance": "-0.5"}""", "params.embedding_distance")]
    [InlineData("""{"prototype_sample_path": "obs://imgs/p", "n_clusters": "-2"}""", "params.n_clusters")]
    [InlineData("""{"prototype_sample_path": "obs://imgs/p", "n_clusters": "some"}""", "params.n_clusters")]
    public void A_bad_value_is_400_ModelArts_0101_naming_the_parameter(string json, string parameter)
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse(json));

        Assert.Equal((400, "ModelArts.0101"), (error.HttpStatus, error.ErrorCode));
        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_that_climbs_out_of_its_bucket_is_refused_as_every_path_field_is_naming_the_parameter()
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse("""{"prototype_sample_path": "obs://imgs/../secret"}"""));

        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("params.prototype_sample_path", error.Message, StringComparison.Ordinal);
    }
}

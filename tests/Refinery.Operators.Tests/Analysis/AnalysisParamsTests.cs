using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Operators.Analysis;

namespace Refinery.Operators.Tests.Analysis;

public sealed class AnalysisParamsTests
{
    private static AnalysisParams Parse(string json) => AnalysisParams.Parse(new OperatorParameters(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void An_empty_op_list_selects_the_six_image_features_for_classification()
    {
        var parameters = Parse("""{"op_list": [], "task_type": "image_classification"}""");

        Assert.Equal(["resolution", "aspect_ratio", "brightness", "saturation", "clarity", "colorfulness"], parameters.Features.Select(f => f.Id));
        Assert.False(parameters.IsNormed);
        Assert.Equal(AnalysisParams.DefaultMaxImagePixels, parameters.MaxImagePixels);
    }

    [Fact]
    public void An_empty_op_list_selects_every_feature_for_detection()
    {
        var parameters = Parse("""{"op_list": [], "task_type": "object_detection"}""");

        Assert.Equal(AnalysisFeatureCatalog.All, parameters.Features);
    }

    [Fact]
    public void Op_list_and_is_normed_are_read_from_strings_as_ModelArts_clients_send_them()
    {
        var parameters = Parse("""{"op_list": "[clarity, brightness]", "is_normed": "True", "task_type": "image_classification"}""");

        Assert.Equal(["brightness", "clarity"], parameters.Features.Select(f => f.Id));
        Assert.True(parameters.IsNormed);
    }

    [Fact]
    public void An_unknown_feature_is_a_400_naming_op_list_and_the_valid_ids()
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse("""{"op_list": ["brightness", "sharpness"]}"""));

        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains("params.op_list", error.Message, StringComparison.Ordinal);
        Assert.Contains("sharpness", error.Message, StringComparison.Ordinal);
        Assert.Contains("bbox_overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_box_feature_needs_object_detection()
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse("""{"op_list": ["bbox_num"], "task_type": "image_classification"}"""));

        Assert.Contains("object_detection", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_task_type_is_a_400_naming_task_type()
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse("""{"task_type": "segmentation"}"""));

        Assert.Contains("params.task_type", error.Message, StringComparison.Ordinal);
    }
}

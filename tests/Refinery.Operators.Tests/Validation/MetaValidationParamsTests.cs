using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Operators.Validation;

namespace Refinery.Operators.Tests.Validation;

public sealed class MetaValidationParamsTests
{
    private static MetaValidationParams Parse(JsonObject values) => MetaValidationParams.Parse(new OperatorParameters(values));

    [Fact]
    public void Limits_default_to_no_limit()
    {
        Assert.Equal(new MetaValidationParams(-1, -1, TaskTypes.ObjectDetection), Parse(new JsonObject { ["task_type"] = "object_detection" }));
    }

    [Fact]
    public void Limits_are_read_from_strings_and_numbers()
    {
        var parsed = Parse(new JsonObject { ["task_type"] = "image_classification", ["image_max_width"] = "640", ["image_max_height"] = 480 });

        Assert.Equal((640, 480), (parsed.ImageMaxWidth, parsed.ImageMaxHeight));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    [InlineData("wide")]
    public void A_width_that_is_neither_minus_one_nor_positive_is_an_invalid_argument_naming_it(string value)
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse(new JsonObject { ["task_type"] = "object_detection", ["image_max_width"] = value }));

        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains("params.image_max_width", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("image_segmentation")]
    public void A_task_type_other_than_the_two_image_scenes_is_an_invalid_argument(string? taskType)
    {
        var error = Assert.Throws<ModelArtsException>(() => Parse(new JsonObject { ["task_type"] = taskType }));

        Assert.Contains("params.task_type", error.Message, StringComparison.Ordinal);
    }
}

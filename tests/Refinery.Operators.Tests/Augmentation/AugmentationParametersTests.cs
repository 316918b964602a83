using Refinery.Domain;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

public sealed class AugmentationParametersTests
{
    public static TheoryData<string> OperatorNames => [.. AugmentationOperators.Names];

    [Theory]
    [MemberData(nameof(OperatorNames))]
    public void Every_operator_parses_empty_params_and_the_keys_ModelArts_echoes(string name)
    {
        AugmentationSamples.Parse(name);
        var echoed = AugmentationSamples.Parse(name, """
            {"task_type": "object_detection", "dataset_type": "manifest", "filter_func": "data_augmentation",
             "total_status": "[3]", "do_validation": "True", "source_service": "select", "seed": "7",
             "image_max_width": "800", "image_max_height": "-1"}
            """);

        Assert.Equal(name, echoed.OperatorName);
    }

    [Theory]
    [InlineData("Flip", """{"flip_p": 1.5}""", "params.flip_p")]
    [InlineData("Flip", """{"flip_p": "-0.1"}""", "params.flip_p")]
    [InlineData("Flip", """{"lr_ud": "diagonal"}""", "params.lr_ud")]
    [InlineData("AddNoise", """{"p": 2}""", "params.p")]
    [InlineData("AddNoise", """{"noise_type": "Pink"}""", "params.noise_type")]
    [InlineData("AddNoise", """{"noise_type": "1"}""", "params.noise_type")]
    [InlineData("AddNoise", """{"scale": -1}""", "params.scale")]
    [InlineData("Crop", """{"crop_percent_min": 0.3, "crop_percent_max": 0.1}""", "params.crop_percent_min")]
    [InlineData("Crop", """{"crop_percent_max": 0.7}""", "params.crop_percent_max")]
    [InlineData("Padding", """{"px_top": -1}""", "params.px_top")]
    [InlineData("Padding", """{"px_left": "wide"}""", "params.px_left")]
    [InlineData("Resize", """{"width": 0}""", "params.width")]
    [InlineData("Resize", """{"height": -224}""", "params.height")]
    [InlineData("Rotate", """{"angle_min": 30, "angle_max": -30}""", "params.angle_min")]
    [InlineData("Scale", """{"scale_min": 2, "scale_max": 1}""", "params.scale_min")]
    [InlineData("Scale", """{"scaleXY": "Z"}""", "params.scaleXY")]
    [InlineData("Shear", """{"shear_min": -100}""", "params.shear_min")]
    [InlineData("Blur", """{"blur_type": "Median"}""", "params.blur_type")]
    [InlineData("LightContrast", """{"func": "exp"}""", "params.func")]
    [InlineData("Weather", """{"weather_mode": "Hail"}""", "params.weather_mode")]
    [InlineData("Grayscale", """{"alpha": 1}""", "params.alpha")]
    [InlineData("Translate", """{"translate_percent": 0.1}""", "params.translate_percent")]
    [InlineData("Sharpen", """{"do_validation": "maybe"}""", "params.do_validation")]
    public void A_bad_parameter_is_a_400_naming_it(string name, string json, string field)
    {
        var error = Assert.Throws<ModelArtsException>(() => AugmentationSamples.Parse(name, json));

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotate_reads_the_documented_swapped_defaults_as_minus_90_to_90()
    {
        var echoed = (ParsedAugmentation<RotateOperator.Params, RotateOperator.Drawn>)AugmentationSamples.Parse("Rotate", """{"angle_min": "90", "angle_max": "-90"}""");
        var omitted = (ParsedAugmentation<RotateOperator.Params, RotateOperator.Drawn>)AugmentationSamples.Parse("Rotate");

        Assert.Equal(new NumericRange(-90, 90), echoed.Parameters.Angle);
        Assert.Equal(new NumericRange(-90, 90), omitted.Parameters.Angle);
    }

    [Fact]
    public void Numbers_and_choices_sent_as_strings_read_like_typed_ones()
    {
        var parsed = (ParsedAugmentation<FlipOperator.Params, FlipOperator.Drawn>)AugmentationSamples.Parse("Flip", """{"lr_ud": "UD", "flip_p": "0.25"}""");

        Assert.Equal(new FlipOperator.Params(FlipOperator.Direction.Ud, 0.25), parsed.Parameters);
    }

    [Theory]
    [InlineData("StyleGAN")]
    [InlineData("CycleGAN")]
    public void Generative_operators_are_refused_as_training_jobs(string name)
    {
        var error = Assert.Throws<ModelArtsException>(() => AugmentationSamples.Parse(name, """{"resolution": 256}"""));

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains($"{name} trains a generative model (a training job)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_operator_is_a_400_listing_the_known_ones()
    {
        var error = Assert.Throws<ModelArtsException>(() => AugmentationOperators.Find("Mosaic"));

        Assert.Equal(400, error.HttpStatus);
        Assert.Contains("'Mosaic' is not an augmentation operator", error.Message, StringComparison.Ordinal);
        Assert.Contains("Weather", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_registry_holds_the_19_documented_operators()
    {
        Assert.Equal(
            ["AddNoise", "Blur", "Crop", "CutOut", "Flip", "Grayscale", "HistogramEqual", "LightArithmetic", "LightContrast",
             "MotionBlur", "Padding", "Resize", "Rotate", "Saturation", "Scale", "Sharpen", "Shear", "Translate", "Weather"],
            AugmentationOperators.Names);
    }
}

using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Imaging.Embeddings;
using Refinery.Operators.Analysis;
using Refinery.Operators.Augmentation;
using Refinery.Operators.Cleaning;
using Refinery.Operators.Pipeline;
using Refinery.Operators.Selection;
using Refinery.Operators.Tests.Analysis;
using Refinery.Operators.Validation;
using Refinery.Storage;
using Refinery.TestSupport;

namespace Refinery.Operators.Tests.Pipeline;

/// <summary>The registry: template ids and operator names to stages, MetaValidation first when asked, 400 for what does not belong.</summary>
public sealed class OperatorRegistryTests
{
    private static readonly OperatorContext _context = new(TestDecoders.Create(), new SharedImageEmbedder(), new BucketRouter(new Dictionary<string, IObjectStore> { ["imgs"] = new MemoryObjectStore() }));

    private static OperatorPipeline Compose(string templateId, params OperatorParam[] operators) =>
        OperatorRegistry.Default.Compose(new TemplateParam(templateId, OperatorParams: operators), _context);

    private static OperatorParam Op(string name, string paramsJson = "{}") => new(Name: name, Params: JsonNode.Parse(paramsJson)!.AsObject());

    [Fact]
    public void Validation_runs_MetaValidation_as_one_sample_stage_and_marks_its_output_checked()
    {
        var pipeline = Compose(TemplateIds.Validation, Op("MetaValidation", """{"task_type": "object_detection"}"""));

        var pass = Assert.Single(pipeline.Plan.Passes);
        Assert.IsType<MetaValidationOperator>(Assert.Single(pass.SampleStages));
        Assert.Null(pass.Barrier);
        Assert.Equal(TaskTypes.ObjectDetection, pipeline.TaskType);
        Assert.True(pipeline.OutputProperties!["@modelarts:data_checked"]);
    }

    [Fact]
    public void Analysis_is_a_sample_stage_and_a_dataset_stage_and_publishes_nothing()
    {
        var pipeline = Compose(TemplateIds.Analyse, new OperatorParam(Id: TemplateIds.Analyse));

        var pass = Assert.Single(pipeline.Plan.Passes);
        Assert.IsType<AnalysisSampleOperator>(Assert.Single(pass.SampleStages));
        Assert.IsType<AnalysisDatasetStage>(pass.Barrier);
        Assert.False(pipeline.Template.PublishesOutput);
        Assert.True(pipeline.Template.AnalysesInputs);
    }

    [Fact]
    public void Cleaning_fuses_MetaValidation_before_QualityFilters_sample_stage_by_default()
    {
        var pipeline = Compose(TemplateIds.Cleaning, Op("QualityFilter", """{"image_max_width": "640"}"""));

        var pass = Assert.Single(pipeline.Plan.Passes);
        Assert.Equal(2, pass.SampleStages.Count);
        Assert.Equal(640, Assert.IsType<MetaValidationOperator>(pass.SampleStages[0]).Parameters.ImageMaxWidth);
        Assert.IsType<AnalysisSampleOperator>(pass.SampleStages[1]);
        Assert.IsType<QualityFilterStage>(pass.Barrier);
        Assert.True(pipeline.Validated);
    }

    [Fact]
    public void QualityFilter_then_PCC_runs_in_two_passes_and_carries_PCCs_reference_folders()
    {
        var pipeline = Compose(TemplateIds.Cleaning, Op("QualityFilter"), Op("PCC", """{"prototype_sample_path": "obs://imgs/protos"}"""));

        Assert.Equal(2, pipeline.Plan.Passes.Count);
        Assert.IsType<QualityFilterStage>(pipeline.Plan[0].Barrier);
        Assert.IsType<ImageMeasureStage>(Assert.Single(pipeline.Plan[1].SampleStages));
        Assert.IsType<PccStage>(pipeline.Plan[1].Barrier);
        Assert.Equal(new ObjectPath("imgs", "protos"), Assert.Single(pipeline.ReferenceFolders).Path);
    }

    [Fact]
    public void Do_validation_false_leaves_QualityFilter_alone()
    {
        var pipeline = Compose(TemplateIds.Cleaning, Op("QualityFilter", """{"do_validation": "False"}"""));

        Assert.IsType<AnalysisSampleOperator>(Assert.Single(pipeline.Plan[0].SampleStages));
        Assert.Null(pipeline.OutputProperties);
    }

    [Fact]
    public void Selection_with_both_operators_is_two_passes_each_ending_in_its_decision()
    {
        var pipeline = Compose(TemplateIds.Selection, Op("SimDeduplication", """{"method": "phash"}"""), Op("RRD"));

        Assert.Equal(2, pipeline.Plan.Passes.Count);
        Assert.IsType<MetaValidationOperator>(pipeline.Plan[0].SampleStages[0]);
        Assert.IsType<SimDeduplicationStage>(pipeline.Plan[0].Barrier);
        Assert.IsType<ImageMeasureStage>(Assert.Single(pipeline.Plan[1].SampleStages));
        Assert.IsType<RrdStage>(pipeline.Plan[1].Barrier);
    }

    [Theory]
    [InlineData(TemplateIds.Validation, "QualityFilter", "template.operator_params[0].name")]
    [InlineData(TemplateIds.Cleaning, "MetaValidation", "template.operator_params[0].name")]
    [InlineData(TemplateIds.Cleaning, "Sharpen", "template.operator_params[0].name")]
    public void An_operator_that_does_not_belong_to_the_template_is_400_naming_it(string templateId, string name, string field)
    {
        var error = Assert.Throws<ModelArtsException>(() => Compose(templateId, Op(name)));

        Assert.Equal(("ModelArts.0101", 400), (error.ErrorCode, error.HttpStatus));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cleaning_without_an_operator_is_400_naming_the_operators_it_takes()
    {
        var error = Assert.Throws<ModelArtsException>(() => Compose(TemplateIds.Cleaning));

        Assert.Contains("template.operator_params", error.Message, StringComparison.Ordinal);
        Assert.Contains("QualityFilter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Augmentation_fuses_validation_and_every_operator_in_order_into_one_pass_of_sample_stages()
    {
        var pipeline = Compose(
            TemplateIds.Augmentation,
            Op("Flip", """{"task_type": "object_detection"}"""), Op("Rotate", """{"task_type": "object_detection"}"""), Op("Flip", """{"task_type": "object_detection"}"""));

        var pass = Assert.Single(pipeline.Plan.Passes);
        Assert.Null(pass.Barrier);
        Assert.IsType<MetaValidationOperator>(pass.SampleStages[0]);
        Assert.Equal(4, pass.SampleStages.Count);
        Assert.All(pass.SampleStages.Skip(1), stage => Assert.IsType<AugmentationSampleStage>(stage));
        Assert.Equal(TaskTypes.ObjectDetection, pipeline.TaskType);
        Assert.True(pipeline.Template.PublishesOutput);
    }

    [Fact]
    public void Augmentation_validates_first_with_the_limits_of_the_first_operator_params()
    {
        var pipeline = Compose(TemplateIds.Augmentation, Op("Blur", """{"image_max_width": "640"}"""));

        var validation = Assert.IsType<MetaValidationOperator>(pipeline.Plan[0].SampleStages[0]);
        Assert.Equal(640, validation.Parameters.ImageMaxWidth);
        Assert.True(pipeline.Validated);
    }

    [Fact]
    public void Every_augmentation_operator_is_registered_under_its_ModelArts_name()
    {
        foreach (var name in AugmentationOperators.Names)
        {
            var pass = Assert.Single(Compose(TemplateIds.Augmentation, Op(name, """{"do_validation": "False"}""")).Plan.Passes);
            Assert.IsType<AugmentationSampleStage>(Assert.Single(pass.SampleStages));
        }
    }

    [Theory]
    [InlineData("StyleGAN")]
    [InlineData("CycleGAN")]
    public void Generative_operators_are_400_saying_they_are_training_jobs(string name)
    {
        var error = Assert.Throws<ModelArtsException>(() => Compose(TemplateIds.Augmentation, Op(name)));

        Assert.Equal("ModelArts.0101", error.ErrorCode);
        Assert.Contains("training job", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"issues": ["dark", "shiny"]}""", "params.issues")]
    [InlineData("""{"dark_threshold": 1.2}""", "params.dark_threshold")]
    [InlineData("""{"odd_size_threshold": "-0.5"}""", "params.odd_size_threshold")]
    [InlineData("""{"task_type": "segmentation"}""", "params.task_type")]
    public void Bad_QualityFilter_params_are_400_naming_the_parameter(string paramsJson, string field)
    {
        var error = Assert.Throws<ModelArtsException>(() => Compose(TemplateIds.Cleaning, Op("QualityFilter", paramsJson)));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void QualityFilter_removes_every_issue_but_grayscale_unless_told_which()
    {
        var all = QualityFilterParams.Parse(new OperatorParameters(null));
        var chosen = QualityFilterParams.Parse(new OperatorParameters(JsonNode.Parse("""{"issues": "[dark,blurry]", "dark_threshold": "0.5"}""")!.AsObject()));

        Assert.Equal(8, all.Issues.Count);
        Assert.DoesNotContain(all.Issues, check => check.Issue == "grayscale");
        Assert.Equal(["dark", "blurry"], chosen.Issues.Select(check => check.Issue));
        Assert.Equal(0.5, chosen.ThresholdOf(chosen.Issues[0], 0.32));
        Assert.Equal(0.29, chosen.ThresholdOf(chosen.Issues[1], 0.29));
    }
}

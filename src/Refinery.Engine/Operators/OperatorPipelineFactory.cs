using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Imaging;
using Refinery.Operators;
using Refinery.Operators.Analysis;
using Refinery.Operators.Validation;

namespace Refinery.Engine.Operators;

/// <summary>
/// Turns a <c>template</c> into the operator that runs it, validating every parameter once. The API calls it when a
/// task or version is created, so a bad parameter is a 400 then, never a failed run later. Every operator decodes
/// through the one <see cref="ImageDecoder"/> given here, so all of them share the server's limits and decode budget.
/// </summary>
public sealed class OperatorPipelineFactory(ImageDecoder decoder)
{
    private static readonly Dictionary<string, bool> _dataChecked = new() { ["@modelarts:data_checked"] = true };

    public OperatorPipeline Create(TemplateParam template)
    {
        var templateId = template.Id ?? throw ModelArtsErrors.InvalidArgument("template.id", "is required");
        var operatorParam = SingleOperator(template);
        var parameters = new OperatorParameters(operatorParam.Params);
        return templateId switch
        {
            TemplateIds.Validation => CreateValidation(operatorParam, parameters),
            TemplateIds.Analyse => CreateAnalysis(parameters),
            _ when TemplateIds.IsKnown(templateId) => throw ModelArtsErrors.InvalidArgument(
                "template.id", $"template {templateId} is not available yet; available: {TemplateIds.Validation}, {TemplateIds.Analyse}"),
            _ => throw ModelArtsErrors.InvalidArgument("template.id", $"must be one of {string.Join(", ", TemplateIds.All)}, got '{templateId}'"),
        };
    }

    private static OperatorParam SingleOperator(TemplateParam template)
    {
        var operators = template.OperatorParams ?? [];
        return operators.Count switch
        {
            0 => new OperatorParam(),
            1 => operators[0],
            _ => throw ModelArtsErrors.InvalidArgument(
                "template.operator_params", $"{template.Id} takes exactly one operator, got {operators.Count}"),
        };
    }

    private OperatorPipeline CreateAnalysis(OperatorParameters parameters)
    {
        var analysis = AnalysisParams.Parse(parameters, decoder.Limits.MaxPixels);
        return new OperatorPipeline(
            TemplateIds.Analyse, analysis.TaskType, new AnalysisSampleOperator(analysis, new VocAnnotationBoxReader(), decoder), PublishesOutput: false, null, analysis);
    }

    private OperatorPipeline CreateValidation(OperatorParam operatorParam, OperatorParameters parameters)
    {
        if (operatorParam.Name is not (null or "MetaValidation"))
        {
            throw ModelArtsErrors.InvalidArgument(
                "template.operator_params[0].name", $"{TemplateIds.Validation} runs operator MetaValidation, got '{operatorParam.Name}'");
        }

        var validation = MetaValidationParams.Parse(parameters);
        return new OperatorPipeline(TemplateIds.Validation, validation.TaskType, new MetaValidationOperator(validation, decoder), PublishesOutput: true, _dataChecked);
    }
}

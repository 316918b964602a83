using Refinery.Domain;
using Refinery.Domain.Tasks;
using Refinery.Operators.Analysis;
using Refinery.Operators.Augmentation;
using Refinery.Operators.Cleaning;
using Refinery.Operators.Selection;
using Refinery.Operators.Validation;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// Maps template ids and operator names to what runs them. Adding an operator is a class and a line here; the engine
/// has no branch on a template or an operator. <see cref="Compose"/> validates a whole <c>template</c> (400 naming the
/// parameter) when a task or version is created, so a bad parameter never becomes a failed run later.
/// </summary>
public sealed class OperatorRegistry(IReadOnlyList<TemplateDefinition> templates, IReadOnlyList<OperatorDefinition> operators)
{
    public static OperatorRegistry Default { get; } = new(
        [
            new(TemplateIds.Validation, PublishesOutput: true, AnalysesInputs: false, ValidatesFirst: false, DefaultOperator: MetaValidationOperator.OperatorName),
            new(TemplateIds.Analyse, PublishesOutput: false, AnalysesInputs: true, ValidatesFirst: false, DefaultOperator: FeatureAnalysis.OperatorName),
            new(TemplateIds.Cleaning, PublishesOutput: true, AnalysesInputs: false, ValidatesFirst: true, DefaultOperator: null),
            new(TemplateIds.Augmentation, PublishesOutput: true, AnalysesInputs: false, ValidatesFirst: true, DefaultOperator: null, AugmentedNames.IsReserved),
            new(TemplateIds.Selection, PublishesOutput: true, AnalysesInputs: false, ValidatesFirst: true, DefaultOperator: null),
        ],
        [
            new(MetaValidationOperator.OperatorName, TemplateIds.Validation, MetaValidationOperator.Define),
            new(FeatureAnalysis.OperatorName, TemplateIds.Analyse, FeatureAnalysis.Define),
            new(QualityFilter.OperatorName, TemplateIds.Cleaning, QualityFilter.Define),
            new(Pcc.OperatorName, TemplateIds.Cleaning, Pcc.Define),
            .. AugmentationOperators.Requestable.Select(
                augmentation => new OperatorDefinition(augmentation.Name, TemplateIds.Augmentation, DataAugmentation.Define(augmentation))),
            new(SimDeduplication.OperatorName, TemplateIds.Selection, SimDeduplication.Define),
            new(Rrd.OperatorName, TemplateIds.Selection, Rrd.Define),
        ]);

    public IReadOnlyList<TemplateDefinition> Templates { get; } = templates;

    public IReadOnlyList<OperatorDefinition> Operators { get; } = operators;

    /// <summary>The template's operators built from their params, MetaValidation first when asked, scheduled into passes.</summary>
    public OperatorPipeline Compose(TemplateParam template, OperatorContext context)
    {
        var definition = FindTemplate(template.Id);
        var requested = template.OperatorParams ?? [];
        if (requested.Count == 0)
        {
            requested = definition.DefaultOperator is { } fallback
                ? [new OperatorParam(Name: fallback)]
                : throw ModelArtsErrors.InvalidArgument(
                    "template.operator_params", $"{definition.Id} needs at least one operator: {string.Join(", ", OperatorsOf(definition.Id))}");
        }

        var built = new List<PipelineOperator>(requested.Count + 1);
        for (var index = 0; index < requested.Count; index++)
        {
            var operatorDefinition = FindOperator(definition, requested[index], index);
            built.Add(operatorDefinition.Create(new OperatorParameters(requested[index].Params), context with { OperatorIndex = index }));
        }

        var taskType = built[0].TaskType;
        if (built.FindIndex(op => op.TaskType != taskType) is var other and > 0)
        {
            throw ModelArtsErrors.InvalidArgument(
                $"template.operator_params[{other}].params.task_type", $"must be the task_type of the first operator, {taskType}, got '{built[other].TaskType}'");
        }

        if (definition.ValidatesFirst && new OperatorParameters(requested[0].Params).GetBool("do_validation", true))
        {
            // MetaValidation reads image_max_width/height from the same params; its task_type is the pipeline's.
            var parameters = requested[0].Params?.DeepClone().AsObject() ?? [];
            parameters["task_type"] = taskType;
            built.Insert(0, MetaValidationOperator.Define(new OperatorParameters(parameters), context));
        }

        var validated = built.Any(op => op.Name == MetaValidationOperator.OperatorName);
        return new OperatorPipeline(
            definition, taskType, PipelinePlan.Schedule(built), validated, [.. built.SelectMany(op => op.ReferenceFolders ?? [])]);
    }

    private TemplateDefinition FindTemplate(string? id)
    {
        if (id is null)
        {
            throw ModelArtsErrors.InvalidArgument("template.id", "is required");
        }

        return Templates.FirstOrDefault(template => template.Id == id)
            ?? throw ModelArtsErrors.InvalidArgument("template.id", $"must be one of {string.Join(", ", TemplateIds.All)}, got '{id}'");
    }

    private OperatorDefinition FindOperator(TemplateDefinition template, OperatorParam requested, int index)
    {
        var name = requested.Name ?? requested.Id ?? template.DefaultOperator
            ?? throw ModelArtsErrors.InvalidArgument(
                $"template.operator_params[{index}].name", $"is required; operators of {template.Id}: {string.Join(", ", OperatorsOf(template.Id))}");
        return Operators.FirstOrDefault(op => op.TemplateId == template.Id && op.Name == name)
            ?? throw ModelArtsErrors.InvalidArgument(
                $"template.operator_params[{index}].name",
                $"'{name}' is not an operator of {template.Id}; its operators: {string.Join(", ", OperatorsOf(template.Id))}");
    }

    private IEnumerable<string> OperatorsOf(string templateId) => Operators.Where(op => op.TemplateId == templateId).Select(op => op.Name);
}

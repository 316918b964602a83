namespace Refinery.Operators.Pipeline;

/// <summary>What a version runs: its template, its scene type, and the plan of passes its operators were scheduled into.</summary>
/// <param name="Validated">MetaValidation's rules ran first (the template itself, or <c>do_validation</c>).</param>
/// <param name="ReferenceFolders">Every operator's folders of reference images, for the checks at creation.</param>
public sealed record OperatorPipeline(
    TemplateDefinition Template, string TaskType, PipelinePlan Plan, bool Validated, IReadOnlyList<ReferenceFolder> ReferenceFolders)
{
    private static readonly Dictionary<string, bool> _dataChecked = new() { ["@modelarts:data_checked"] = true };

    public string TemplateId => Template.Id;

    /// <summary>The properties every line of <c>output.manifest</c> carries: validated data says so.</summary>
    public IReadOnlyDictionary<string, bool>? OutputProperties => Validated ? _dataChecked : null;
}

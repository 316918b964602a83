namespace Refinery.Operators.Pipeline;

/// <summary>What a template is to the engine, as data: nothing in the engine branches on a template id.</summary>
/// <param name="Id">The template id (<c>sys_data_cleaning</c>).</param>
/// <param name="PublishesOutput">Writes <c>Data/…</c> and <c>output.manifest</c> to the work path (which it then requires).</param>
/// <param name="AnalysesInputs">
/// An analysis: runs as soon as the task is created, has its params completed from its inputs, and stores its result
/// on the dataset version it analysed.
/// </param>
/// <param name="ValidatesFirst">Takes <c>do_validation</c> (default true): MetaValidation's sample stage fused first.</param>
/// <param name="DefaultOperator">The operator run when <c>operator_params</c> is empty; null requires at least one.</param>
/// <param name="ReservedOutputName">
/// For a template whose stages add samples: true for a name an added sample may take. The planner gives an input
/// planned under such a name another one, so an added sample never overwrites an input's files.
/// </param>
public sealed record TemplateDefinition(
    string Id, bool PublishesOutput, bool AnalysesInputs, bool ValidatesFirst, string? DefaultOperator, Func<string, bool>? ReservedOutputName = null);

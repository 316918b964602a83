using Refinery.Operators;
using Refinery.Operators.Analysis;

namespace Refinery.Engine.Operators;

/// <summary>
/// What a version runs: its template, scene type and per-sample operator; whether it publishes output (and the
/// properties its manifest lines carry); and, for feature analysis, the parameters its reduce needs.
/// </summary>
public sealed record OperatorPipeline(
    string TemplateId,
    string TaskType,
    ISampleOperator Operator,
    bool PublishesOutput,
    IReadOnlyDictionary<string, bool>? OutputProperties,
    AnalysisParams? Analysis = null);

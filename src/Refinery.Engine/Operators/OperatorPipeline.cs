using Refinery.Operators;

namespace Refinery.Engine.Operators;

/// <summary>What a version runs: its template, scene type, the per-sample operator, and whether it publishes output.</summary>
public sealed record OperatorPipeline(
    string TemplateId,
    string TaskType,
    ISampleOperator Operator,
    bool PublishesOutput,
    IReadOnlyDictionary<string, bool>? OutputProperties);

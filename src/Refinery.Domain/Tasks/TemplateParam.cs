namespace Refinery.Domain.Tasks;

/// <summary>The processing template and its operators (<c>template</c>).</summary>
public sealed record TemplateParam(string? Id = null, string? Name = null, IReadOnlyList<OperatorParam>? OperatorParams = null);

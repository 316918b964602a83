namespace Refinery.Operators.Augmentation;

/// <summary>The parameters of an operator that takes none (besides the template's common keys).</summary>
public sealed record NoParameters
{
    public static NoParameters Instance { get; } = new();
}

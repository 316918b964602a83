using Refinery.Formats.Voc;

namespace Refinery.Operators.Augmentation;

/// <summary>A box after augmentation, with the index of the object it came from (its label and attributes go with it).</summary>
public readonly record struct AugmentedBox(int SourceIndex, VocBox Box);

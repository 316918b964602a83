namespace Refinery.Imaging.Embeddings;

/// <summary>How <see cref="EmbeddingCodec"/> stores each component of a vector; the value is the byte in its header.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "The IEEE format names are what a reader of the stored bytes needs.")]
public enum EmbeddingPrecision : byte
{
    /// <summary>IEEE float32, little-endian: exact, 4 bytes a component (2,052 bytes for a 512-d embedding).</summary>
    Float32 = 1,

    /// <summary>
    /// IEEE float16, little-endian, rounded to nearest: 2 bytes a component (1,028 bytes for a 512-d embedding). Each
    /// component of a unit vector comes back within 2⁻¹¹ (0.05 %) of itself, or 3·10⁻⁸ for the tiniest, so a cosine
    /// between two stored vectors moves by less than 10⁻³.
    /// </summary>
    Float16 = 2,
}

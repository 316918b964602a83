namespace Refinery.Operators.Selection;

/// <summary>How <c>SimDeduplication</c> measures similarity (its <c>method</c> param).</summary>
public enum SimDeduplicationMethod
{
    /// <summary>Cosine similarity of ResNet-18 embeddings: robust to scale, crop, colour and re-encoding.</summary>
    Embedding,

    /// <summary>1 − Hamming/64 of the 64-bit perceptual hashes: much faster, for near-identical copies.</summary>
    PerceptualHash,
}

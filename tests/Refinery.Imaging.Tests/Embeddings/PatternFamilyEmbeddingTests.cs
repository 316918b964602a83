using System.Numerics.Tensors;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Embeddings;

/// <summary>
/// The pattern families PCC's end-to-end tests use are far apart in the embedding: every image is more similar to
/// each member of its own family than to any member of another, with a margin around the tests' threshold of 0.7.
/// </summary>
[Collection(EmbedderCollection.Name)]
public sealed class PatternFamilyEmbeddingTests(EmbedderFixture fixture)
{
    [Fact]
    public async Task Every_image_is_nearer_its_own_family_than_any_other()
    {
        var images = (from family in Enum.GetValues<PatternImages.Family>()
                      from variant in Enumerable.Range(0, 5)
                      select (family, image: PatternImages.Create(family, variant))).ToList();
        float[][] vectors;
        try
        {
            vectors = await fixture.Embedder.EmbedAsync([.. images.Select(item => item.image)], CancellationToken.None);
        }
        finally
        {
            images.ForEach(item => item.image.Dispose());
        }

        var within = float.MaxValue;
        var across = float.MinValue;
        for (var first = 0; first < images.Count; first++)
        {
            for (var second = first + 1; second < images.Count; second++)
            {
                var similarity = TensorPrimitives.Dot<float>(vectors[first], vectors[second]);
                if (images[first].family == images[second].family)
                {
                    within = Math.Min(within, similarity);
                }
                else
                {
                    across = Math.Max(across, similarity);
                }
            }
        }

        // PCC's end-to-end tests call "similar" from 0.7: every pair within a family must be above it, every other below.
        Assert.True(within >= 0.75f && across <= 0.65f, $"least similar within a family {within}, most similar across families {across}");
    }
}

using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Refinery.Imaging.Embeddings;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Embeddings;

/// <summary>
/// The embedding of a fixed scene against a vector stored in the repository, computed by OpenCV DNN
/// (<see cref="OpenCvDnnReference"/>). To regenerate it after a deliberate change of model or preprocessing, run
/// <c>REFINERY_WRITE_EMBEDDING_REFERENCE=1 dotnet test tests/Refinery.Imaging.Tests --filter EmbeddingReferenceTests</c>
/// and commit the .bin file.
/// </summary>
[Collection(EmbedderCollection.Name)]
public sealed class EmbeddingReferenceTests(EmbedderFixture fixture)
{
    private const string ReferenceFile = "resnet18-scene-reference.bin";
    private const string WriteVariable = "REFINERY_WRITE_EMBEDDING_REFERENCE";

    [Fact]
    public async Task Embedding_of_the_reference_scene_matches_the_stored_OpenCV_DNN_vector()
    {
        using var scene = DecodeReferenceScene();

        var vectors = await fixture.Embedder.EmbedAsync([scene], CancellationToken.None);

        var reference = EmbeddingCodec.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Embeddings", ReferenceFile)));
        Assert.Equal(ImageEmbedder.Dimensions, reference.Length);
        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], reference) >= 0.999f,
            $"cosine to the reference is {TensorPrimitives.CosineSimilarity(vectors[0], reference)}");
    }

    [Fact]
    public void Stored_reference_is_what_OpenCV_DNN_computes_from_the_package_model()
    {
        using var scene = DecodeReferenceScene();

        var computed = OpenCvDnnReference.Embed(scene.EightBitPixels);

        if (Environment.GetEnvironmentVariable(WriteVariable) == "1")
        {
            File.WriteAllBytes(Path.Combine(SourceFolder(), ReferenceFile), EmbeddingCodec.Encode(computed, EmbeddingPrecision.Float32));
        }

        var stored = EmbeddingCodec.Decode(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Embeddings", ReferenceFile)));
        Assert.True(TensorPrimitives.CosineSimilarity(computed, stored) >= 0.99999f,
            $"OpenCV DNN now computes a vector at cosine {TensorPrimitives.CosineSimilarity(computed, stored)} to the stored one");
    }

    /// <summary>A seeded 400×300 scene, through PNG and the project's decoder as a sample's bytes would go.</summary>
    private static DecodedImage DecodeReferenceScene()
    {
        using var scene = PhotoLikeImages.Create(seed: 2024, width: 400, height: 300);
        return TestDecoders.Decode(TexturedImages.Encode(scene, ".png"));
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

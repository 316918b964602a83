using System.Numerics.Tensors;
using OpenCvSharp;
using Refinery.Imaging.Embeddings;
using Refinery.TestSupport;

namespace Refinery.Imaging.Tests.Embeddings;

[Collection(EmbedderCollection.Name)]
public sealed class ImageEmbedderTests(EmbedderFixture fixture)
{
    private const int Scenes = 8;

    private ImageEmbedder Embedder => fixture.Embedder;

    [Fact]
    public async Task Every_embedding_has_512_components_and_unit_length()
    {
        using var scene = PhotoLikeImages.Create(seed: 1, width: 300, height: 500);
        using var grey = scene.CvtColor(ColorConversionCodes.BGR2GRAY);
        using var withAlpha = scene.CvtColor(ColorConversionCodes.BGR2BGRA);
        using var tiny = scene.Resize(new Size(40, 30));

        var vectors = await Embedder.EmbedAsync([scene, grey, withAlpha, tiny], CancellationToken.None);

        Assert.All(vectors, vector =>
        {
            Assert.Equal(ImageEmbedder.Dimensions, vector.Length);
            Assert.Equal(1.0, TensorPrimitives.Norm<float>(vector), 5);
        });
    }

    [Fact]
    public async Task Identical_images_give_identical_vectors()
    {
        using var scene = PhotoLikeImages.Create(seed: 2, width: 640, height: 480);
        using var copy = scene.Clone();

        var first = await Embedder.EmbedAsync([scene], CancellationToken.None);
        var second = await Embedder.EmbedAsync([copy], CancellationToken.None);

        Assert.Equal(first[0], second[0]);
    }

    [Fact]
    public async Task A_batch_gives_each_image_the_vector_it_gets_alone()
    {
        var scenes = Enumerable.Range(1, 7).Select(seed => PhotoLikeImages.Create(seed, 320 + (seed * 16), 240)).ToList();
        try
        {
            // Batches of 3 over 7 images: two full batches and a last one of 1, run in parallel.
            var batched = await Embedder.EmbedAsync(scenes, CancellationToken.None);

            for (var index = 0; index < scenes.Count; index++)
            {
                var alone = await Embedder.EmbedAsync([scenes[index]], CancellationToken.None);
                Assert.Equal(alone[0], batched[index], (expected, actual) => Math.Abs(expected - actual) <= 1e-6f);
            }
        }
        finally
        {
            scenes.ForEach(scene => scene.Dispose());
        }
    }

    [Fact]
    public async Task A_halved_copy_re_encoded_at_quality_60_stays_above_0_9_and_unrelated_scenes_below()
    {
        var originals = Enumerable.Range(1, Scenes).Select(seed => PhotoLikeImages.Create(seed, 640, 480)).ToList();
        var copies = originals.Select(HalvedJpegAtQuality60).ToList();
        try
        {
            var originalVectors = await Embedder.EmbedAsync(originals, CancellationToken.None);
            var copyVectors = await Embedder.EmbedAsync(copies, CancellationToken.None);

            // Measured: own original 0.92–0.97, every other original 0.80–0.86.
            for (var copy = 0; copy < Scenes; copy++)
            {
                for (var original = 0; original < Scenes; original++)
                {
                    var similarity = TensorPrimitives.CosineSimilarity(copyVectors[copy], originalVectors[original]);
                    Assert.True(copy == original ? similarity > 0.9f : similarity < 0.9f,
                        $"copy of scene {copy + 1} against scene {original + 1}: cosine {similarity}");
                }
            }
        }
        finally
        {
            originals.Concat(copies).ToList().ForEach(image => image.Dispose());
        }
    }

    [Fact]
    public async Task A_slightly_cropped_copy_stays_above_0_95()
    {
        using var scene = PhotoLikeImages.Create(seed: 3, width: 640, height: 480);
        using var cropped = scene[new Rect(20, 15, 600, 450)].Clone();

        var vectors = await Embedder.EmbedAsync([scene, cropped], CancellationToken.None);

        Assert.True(TensorPrimitives.CosineSimilarity(vectors[0], vectors[1]) > 0.95f);
    }

    [Fact]
    public async Task Decoded_images_are_embedded_from_their_8_bit_view()
    {
        using var scene = PhotoLikeImages.Create(seed: 4, width: 256, height: 256);
        using var decoded = TestDecoders.Decode(TexturedImages.Encode(scene, ".png"));

        var fromDecoded = await Embedder.EmbedAsync([decoded], CancellationToken.None);
        var fromPixels = await Embedder.EmbedAsync([scene], CancellationToken.None);

        Assert.Equal(fromPixels[0], fromDecoded[0]);
    }

    [Fact]
    public async Task Pixels_that_are_not_8_bit_are_refused_naming_their_type()
    {
        using var floats = new Mat(64, 64, MatType.CV_32FC3, Scalar.All(0.5));

        var refusal = await Assert.ThrowsAsync<ArgumentException>(() => Embedder.EmbedAsync([floats], CancellationToken.None));

        Assert.Contains("CV_32FC3", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_embeds_nothing()
    {
        using var scene = PhotoLikeImages.Create(seed: 5, width: 64, height: 64);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Embedder.EmbedAsync([scene], new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Loading_from_a_folder_without_the_model_names_the_missing_file_and_the_package()
    {
        var empty = Directory.CreateTempSubdirectory("refinery-no-model-").FullName;
        try
        {
            var missing = Assert.Throws<FileNotFoundException>(() => ImageEmbedder.Load(new ImageEmbedderOptions(ModelDirectory: empty)));

            Assert.Contains(ResNet18ModelFiles.ModelRelativePath, missing.Message, StringComparison.Ordinal);
            Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", missing.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    private static Mat HalvedJpegAtQuality60(Mat original)
    {
        using var half = original.Resize(new Size(original.Width / 2, original.Height / 2), interpolation: InterpolationFlags.Area);
        return Cv2.ImDecode(ImageEncoder.Encode(half, ImageFormat.Jpeg, jpegQuality: 60), ImreadModes.Color);
    }
}

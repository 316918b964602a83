using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;
using Refinery.Formats.Voc;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>Invariants over random images and boxes: what any image and any valid boxes must satisfy.</summary>
public sealed class AugmentationPropertyTests
{
    /// <summary>Each operator with the parameters that give it the most geometric freedom.</summary>
    private static readonly (string Name, string Json)[] _configurations =
    [
        .. AugmentationOperators.Names.Select(name => (name, "{}")),
        ("Flip", """{"lr_ud": "ud"}"""), ("Scale", """{"scaleXY": "Y", "scale_min": 0.2, "scale_max": 3}"""),
        ("Shear", """{"shearXY": "Y"}"""), ("Translate", """{"translateXY": "Y"}"""), ("Rotate", """{"angle_min": -5, "angle_max": 5}"""),
        ("Crop", """{"crop_percent_min": 0.3, "crop_percent_max": 0.45}"""), ("Padding", """{"px_top": 7, "px_left": 0}"""),
        ("Resize", """{"width": 17, "height": 40}"""),
    ];

    [Property(MaxTest = 40)]
    public Property Every_output_box_lies_inside_its_image_and_keeps_at_least_2_px(int seed, PositiveInt width, PositiveInt height)
    {
        var (w, h) = (8 + (width.Get % 57), 8 + (height.Get % 57));
        using var image = AugmentationSamples.RandomImage(seed, w, h);
        var boxes = AugmentationSamples.RandomBoxes(seed, w, h);
        var failures = new List<string>();
        for (var index = 0; index < _configurations.Length; index++)
        {
            var (name, json) = _configurations[index];
            using var result = AugmentationSamples.Parse(name, json).Apply(image, boxes, AugmentationRandom.ForSample($"{seed}", "p", index));
            if (result.Dropped)
            {
                continue;
            }

            if (result.Image!.Size() != result.Size)
            {
                failures.Add($"{name}: image {result.Image.Size()} but size {result.Size}");
            }

            failures.AddRange(result.Boxes
                .Where(kept => kept.Box.XMin < 0 || kept.Box.YMin < 0 || kept.Box.XMax > result.Size.Width || kept.Box.YMax > result.Size.Height
                    || kept.Box.Width < BoxBookkeeping.MinSide || kept.Box.Height < BoxBookkeeping.MinSide)
                .Select(kept => $"{name}: {kept.Box} on {result.Size}"));
        }

        return (failures.Count == 0).Label(string.Join("; ", failures));
    }

    [Property(MaxTest = 50)]
    public Property Flipping_twice_is_the_identity_for_image_and_boxes(int seed, bool upDown)
    {
        var flip = new FlipOperator();
        var drawn = new FlipOperator.Drawn(upDown ? FlipOperator.Direction.Ud : FlipOperator.Direction.Lr, Flipped: true);
        var (w, h) = (5 + (Math.Abs(seed) % 40), 5 + (Math.Abs(seed / 40) % 40));
        using var image = AugmentationSamples.RandomImage(seed, w, h);
        var boxes = AugmentationSamples.RandomBoxes(seed, w, h);

        using var once = flip.ApplyToImage(image, drawn);
        using var twice = flip.ApplyToImage(once, drawn);
        var movedOnce = flip.ApplyToBoxes(boxes, image.Size(), drawn).Boxes.Select(kept => kept.Box).ToList();
        var movedTwice = flip.ApplyToBoxes(movedOnce, once.Size(), drawn).Boxes.Select(kept => kept.Box);

        return (AugmentationSamples.Bytes(twice).SequenceEqual(AugmentationSamples.Bytes(image))
            && movedTwice.SequenceEqual(boxes)).ToProperty();
    }

    [Property(MaxTest = 50)]
    public Property Padding_then_cropping_the_same_amounts_restores_image_and_boxes(int seed, byte top, byte right, byte bottom, byte left)
    {
        var (w, h) = (4 + (Math.Abs(seed) % 50), 4 + (Math.Abs(seed / 50) % 50));
        using var image = AugmentationSamples.RandomImage(seed, w, h);
        var boxes = AugmentationSamples.RandomBoxes(seed, w, h);
        var padding = new PaddingOperator();
        var crop = new CropOperator();
        var padded = new PaddingOperator.Params(top, right, bottom, left);
        var cropped = new CropOperator.Drawn(top, right, bottom, left);

        using var paddedImage = padding.ApplyToImage(image, padded);
        using var restored = crop.ApplyToImage(paddedImage, cropped);
        var paddedBoxes = padding.ApplyToBoxes(boxes, image.Size(), padded).Boxes.Select(kept => kept.Box).ToList();
        var restoredBoxes = crop.ApplyToBoxes(paddedBoxes, paddedImage.Size(), cropped).Boxes.Select(kept => kept.Box);

        return (restoredBoxes.SequenceEqual(boxes) && AugmentationSamples.Bytes(restored).SequenceEqual(AugmentationSamples.Bytes(image))).ToProperty();
    }

    [Property(MaxTest = 60)]
    public Property Resize_scales_every_box_exactly_by_the_size_ratios(int seed, PositiveInt width, PositiveInt height)
    {
        var (w, h) = (10 + (Math.Abs(seed) % 60), 10 + (Math.Abs(seed / 60) % 60));
        var target = new ResizeOperator.Params(1 + (width.Get % 300), 1 + (height.Get % 300));
        var boxes = AugmentationSamples.RandomBoxes(seed, w, h);

        var moved = new ResizeOperator().ApplyToBoxes(boxes, new Size(w, h), target);
        // A box touching the right or bottom edge can land an ulp past the new edge (x·(W'/W) is rounded): clipped back.
        var expected = boxes.Select((box, index) => (index, Clip(box.Scale((double)target.Width / w, (double)target.Height / h), target)))
            .Where(pair => pair.Item2.Width >= BoxBookkeeping.MinSide && pair.Item2.Height >= BoxBookkeeping.MinSide)
            .Select(pair => new AugmentedBox(pair.index, pair.Item2));

        return moved.Boxes.SequenceEqual(expected).ToProperty();
    }

    private static VocBox Clip(VocBox box, ResizeOperator.Params canvas) =>
        new(box.XMin, box.YMin, Math.Min(box.XMax, canvas.Width), Math.Min(box.YMax, canvas.Height));

    [Fact]
    public void Resize_clips_an_edge_box_that_rounding_pushes_past_the_new_edge()
    {
        // 7 · (29/7) = 29.000000000000004 in doubles.
        var moved = new ResizeOperator().ApplyToBoxes([new VocBox(0, 0, 7, 7)], new Size(7, 7), new ResizeOperator.Params(29, 29));

        Assert.Equal(new VocBox(0, 0, 29, 29), Assert.Single(moved.Boxes).Box);
    }

    [Property(MaxTest = 10)]
    public Property The_same_seed_gives_byte_identical_outputs(int seed)
    {
        using var image = AugmentationSamples.RandomImage(seed, 48, 32);
        var boxes = AugmentationSamples.RandomBoxes(seed, 48, 32);
        var differences = _configurations.Where((configuration, index) =>
        {
            var augmentation = AugmentationSamples.Parse(configuration.Name, configuration.Json);
            using var first = augmentation.Apply(image, boxes, AugmentationRandom.ForSample($"{seed}", "same", index));
            using var second = augmentation.Apply(image, boxes, AugmentationRandom.ForSample($"{seed}", "same", index));
            return first.Description != second.Description || !first.Boxes.SequenceEqual(second.Boxes) || first.Dropped != second.Dropped
                || (first.Image is not null && !AugmentationSamples.Bytes(first.Image).SequenceEqual(AugmentationSamples.Bytes(second.Image!)));
        });

        return (!differences.Any()).Label(string.Join(", ", differences.Select(configuration => configuration.Name)));
    }

    /// <summary>Operators that draw a continuous value (or a noise field), so two seeds colliding is practically impossible.</summary>
    public static TheoryData<string, string> RandomisedOperators => new()
    {
        { "AddNoise", "{}" }, { "AddNoise", """{"noise_type": "Laplace"}""" }, { "AddNoise", """{"noise_type": "Poisson"}""" },
        { "AddNoise", """{"noise_type": "Impulse", "p": 0.2}""" }, { "AddNoise", """{"noise_type": "SaltAndPepper", "p": 0.2}""" },
        { "Blur", "{}" }, { "LightArithmetic", "{}" }, { "LightContrast", """{"func": "sigmoid"}""" }, { "MotionBlur", "{}" },
        { "Rotate", "{}" }, { "Saturation", "{}" }, { "Scale", "{}" }, { "Sharpen", "{}" }, { "Shear", "{}" }, { "Translate", "{}" },
        { "Weather", """{"weather_mode": "Fog"}""" }, { "Weather", """{"weather_mode": "Rain"}""" },
        { "Weather", """{"weather_mode": "Snow"}""" }, { "Weather", """{"weather_mode": "Clouds"}""" },
    };

    [Theory]
    [MemberData(nameof(RandomisedOperators))]
    public void A_different_seed_gives_a_different_output(string name, string json)
    {
        using var image = PhotoLikeImages(96, 64);
        var augmentation = AugmentationSamples.Parse(name, json);

        using var first = augmentation.Apply(image, [], AugmentationRandom.ForSample("1", "sample", 0));
        using var second = augmentation.Apply(image, [], AugmentationRandom.ForSample("2", "sample", 0));

        Assert.NotEqual(first.Description, second.Description);
        Assert.NotEqual(AugmentationSamples.Bytes(first.Image!), AugmentationSamples.Bytes(second.Image!));
    }

    private static Mat PhotoLikeImages(int width, int height) => TestSupport.PhotoLikeImages.Create(3, width, height);
}

using OpenCvSharp;
using Refinery.Formats.Voc;
using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>Geometric operators: where the pixels go, where the boxes go, and when they are dropped.</summary>
public sealed class GeometricOperatorGoldenTests
{
    private static Mat Marked(int width, int height)
    {
        var image = AugmentationSamples.Uniform(width, height, 0);
        image.Set(1, 2, new Vec3b(255, 255, 255));
        return image;
    }

    private static Vec3b Pixel(Mat image, int column, int row) => image.At<Vec3b>(row, column);

    /// <summary>The same drawn values through both halves of an operator, as the pipeline applies them.</summary>
    private static Applied ImageAndBoxes<TParams, TDrawn>(AugmentationOperator<TParams, TDrawn> augmentation, Mat image, TDrawn drawn, params VocBox[] boxes)
        where TParams : notnull
        where TDrawn : notnull =>
        new(augmentation.ApplyToImage(image, drawn), augmentation.ApplyToBoxes(boxes, image.Size(), drawn));

    /// <summary>Equal to 9 decimals: corners go through sines and cosines.</summary>
    private static void AssertClose(VocBox expected, VocBox actual)
    {
        double[] want = [expected.XMin, expected.YMin, expected.XMax, expected.YMax];
        double[] got = [actual.XMin, actual.YMin, actual.XMax, actual.YMax];
        Assert.All(want.Zip(got), pair => Assert.Equal(pair.First, pair.Second, 9));
    }

    private sealed record Applied(Mat Output, BoxOutcome Moved) : IDisposable
    {
        public void Dispose() => Output.Dispose();
    }

    [Fact]
    public void Flip_lr_mirrors_pixels_and_boxes()
    {
        using var image = Marked(10, 6);
        var flip = new FlipOperator();
        var drawn = new FlipOperator.Drawn(FlipOperator.Direction.Lr, true);

        using var applied = ImageAndBoxes(flip, image, drawn, new VocBox(1, 2, 4, 5));

        Assert.Equal(255, Pixel(applied.Output, 7, 1).Item0);
        Assert.Equal(new VocBox(6, 2, 9, 5), Assert.Single(applied.Moved.Boxes).Box);
    }

    [Fact]
    public void Flip_with_probability_0_changes_nothing()
    {
        var drawn = new FlipOperator().Draw(new FlipOperator.Params(FlipOperator.Direction.Ud, 0), new Size(4, 4), AugmentationSamples.Random());

        Assert.False(drawn.Flipped);
    }

    [Fact]
    public void Padding_adds_black_borders_and_shifts_boxes()
    {
        using var image = AugmentationSamples.Uniform(10, 6, 200);
        var padding = new PaddingOperator();
        var drawn = new PaddingOperator.Params(Top: 1, Right: 2, Bottom: 3, Left: 4);

        using var applied = ImageAndBoxes(padding, image, drawn, new VocBox(0, 0, 10, 6));

        Assert.Equal(new Size(16, 10), applied.Output.Size());
        Assert.Equal(0, Pixel(applied.Output, 3, 1).Item0);
        Assert.Equal(200, Pixel(applied.Output, 4, 1).Item0);
        Assert.Equal(0, Pixel(applied.Output, 4, 7).Item0);
        Assert.Equal(new VocBox(4, 1, 14, 7), Assert.Single(applied.Moved.Boxes).Box);
    }

    [Fact]
    public void Crop_cuts_the_drawn_pixels_clips_boxes_and_drops_boxes_mostly_cut_away()
    {
        using var image = Marked(20, 10);
        var crop = new CropOperator();
        var drawn = new CropOperator.Drawn(Top: 1, Right: 3, Bottom: 2, Left: 2);
        VocBox[] boxes = [new VocBox(0, 0, 10, 9), new VocBox(15, 0, 19, 4), new VocBox(5, 3, 8, 6)];

        using var applied = ImageAndBoxes(crop, image, drawn, boxes);

        Assert.Equal(new Size(15, 7), applied.Output.Size());
        Assert.Equal(255, Pixel(applied.Output, 0, 0).Item0);
        Assert.Equal(
            [new AugmentedBox(0, new VocBox(0, 0, 8, 7)), new AugmentedBox(2, new VocBox(3, 2, 6, 5))],
            applied.Moved.Boxes);
    }

    [Fact]
    public void Crop_draws_fractions_of_each_side_within_the_range()
    {
        var drawn = new CropOperator().Draw(new CropOperator.Params(new NumericRange(0.1, 0.2)), new Size(100, 200), AugmentationSamples.Random());

        Assert.InRange(drawn.Left, 10, 20);
        Assert.InRange(drawn.Right, 10, 20);
        Assert.InRange(drawn.Top, 20, 40);
        Assert.InRange(drawn.Bottom, 20, 40);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(10)]
    [InlineData(30)]
    public void Crop_at_the_largest_fraction_leaves_at_least_one_pixel_of_a_small_side(int side)
    {
        var parameters = new CropOperator.Params(new NumericRange(CropOperator.MaxFraction, CropOperator.MaxFraction));

        var drawn = new CropOperator().Draw(parameters, new Size(side, side), AugmentationSamples.Random());

        Assert.True(drawn.Left + drawn.Right < side && drawn.Top + drawn.Bottom < side, $"{drawn}");
    }

    [Fact]
    public void Resize_gives_the_requested_size()
    {
        using var image = AugmentationSamples.Uniform(640, 480, 10);

        using var result = AugmentationSamples.Parse("Resize").Apply(image, [new VocBox(64, 48, 320, 240)], AugmentationSamples.Random());

        Assert.Equal(new Size(224, 224), result.Size);
        Assert.Equal(new Size(224, 224), result.Image!.Size());
        Assert.Equal(new VocBox(22.4, 22.4, 112, 112), Assert.Single(result.Boxes).Box);
    }

    [Fact]
    public void Rotate_by_180_degrees_turns_the_image_and_its_boxes_about_the_centre()
    {
        using var image = Marked(10, 6);
        var rotate = new RotateOperator();
        var drawn = new RotateOperator.Drawn(180);

        using var applied = ImageAndBoxes(rotate, image, drawn, new VocBox(1, 2, 4, 5));

        Assert.Equal(255, Pixel(applied.Output, 7, 4).Item0);
        AssertClose(new VocBox(6, 1, 9, 4), Assert.Single(applied.Moved.Boxes).Box);
    }

    [Fact]
    public void Rotate_drops_the_image_when_a_box_would_leave_the_canvas_and_keeps_the_enclosing_box_otherwise()
    {
        var rotate = new RotateOperator();
        var drawn = new RotateOperator.Drawn(45);
        var size = new Size(100, 100);

        var corner = rotate.ApplyToBoxes([new VocBox(40, 40, 60, 60), new VocBox(0, 0, 20, 20)], size, drawn);
        var centre = rotate.ApplyToBoxes([new VocBox(40, 40, 60, 60)], size, drawn);

        Assert.True(corner.DropImage);
        var box = Assert.Single(centre.Boxes).Box;
        Assert.Equal(50 - (10 * Math.Sqrt(2)), box.XMin, 9);
        Assert.Equal(50 + (10 * Math.Sqrt(2)), box.YMax, 9);
    }

    [Fact]
    public void A_dropped_image_is_reported_without_pixels_and_names_the_drawn_angle()
    {
        using var image = AugmentationSamples.Uniform(100, 100, 10);

        using var result = AugmentationSamples.Parse("Rotate", """{"angle_min": 30, "angle_max": 30}""")
            .Apply(image, [new VocBox(0, 0, 100, 100)], AugmentationSamples.Random());

        Assert.True(result.Dropped);
        Assert.Null(result.Image);
        Assert.Equal("""use Rotate augmentation {"Degrees":30}: dropped, a box would leave the canvas""", result.Description);
    }

    [Fact]
    public void Scale_stretches_one_axis_about_the_centre()
    {
        var moved = new ScaleOperator().ApplyToBoxes([new VocBox(45, 40, 55, 60)], new Size(100, 100), new AxisRangeOperator.Drawn(Axis.X, 2));

        Assert.Equal(new VocBox(40, 40, 60, 60), Assert.Single(moved.Boxes).Box);
    }

    [Fact]
    public void Shear_moves_corners_and_takes_the_enclosing_box()
    {
        var moved = new ShearOperator().ApplyToBoxes([new VocBox(40, 40, 60, 60)], new Size(100, 100), new AxisRangeOperator.Drawn(Axis.X, 45));

        AssertClose(new VocBox(30, 40, 70, 60), Assert.Single(moved.Boxes).Box);
    }

    [Fact]
    public void Translate_shifts_pixels_and_boxes_and_drops_boxes_pushed_mostly_off_the_canvas()
    {
        using var image = Marked(20, 10);
        var translate = new TranslateOperator();
        var drawn = new TranslateOperator.Drawn(Axis.X, 0.25);

        using var applied = ImageAndBoxes(translate, image, drawn, new VocBox(0, 0, 4, 4), new VocBox(12, 0, 19, 4));

        Assert.Equal(255, Pixel(applied.Output, 7, 1).Item0);
        Assert.Equal(0, Pixel(applied.Output, 2, 1).Item0);
        Assert.Equal([new AugmentedBox(0, new VocBox(5, 0, 9, 4))], applied.Moved.Boxes);
    }

    [Fact]
    public void Boxes_clipped_below_2_px_are_dropped()
    {
        var moved = BoxBookkeeping.Move([new VocBox(0, 0, 3, 10)], AffinePlan.Translation(-1.5, 0, new Size(10, 10)));

        Assert.Empty(moved.Boxes);
    }

    [Fact]
    public void Pixel_operators_carry_boxes_over_unchanged()
    {
        using var image = AugmentationSamples.Uniform(30, 20, 90);
        VocBox[] boxes = [new VocBox(1, 2, 10, 12), new VocBox(5, 5, 29, 19)];

        using var result = AugmentationSamples.Parse("Weather").Apply(image, boxes, AugmentationSamples.Random());

        Assert.Equal(boxes, result.Boxes.Select(kept => kept.Box));
        Assert.Equal(new Size(30, 20), result.Size);
    }

    [Fact]
    public void Gray_and_transparent_images_are_augmented_as_bgr()
    {
        using var gray = new Mat(8, 8, MatType.CV_8UC1, Scalar.All(40));
        using var bgra = new Mat(8, 8, MatType.CV_8UC4, new Scalar(10, 20, 30, 0));

        using var fromGray = AugmentationSamples.Parse("Flip").Apply(gray, [], AugmentationSamples.Random());
        using var fromBgra = AugmentationSamples.Parse("Flip").Apply(bgra, [], AugmentationSamples.Random());

        Assert.Equal(new Vec3b(40, 40, 40), fromGray.Image!.At<Vec3b>(0, 0));
        Assert.Equal(new Vec3b(10, 20, 30), fromBgra.Image!.At<Vec3b>(0, 0));
    }
}

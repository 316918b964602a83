using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

public sealed class BoxFeatureKernelsTests
{
    [Fact]
    public void Box_count_and_area_std_follow_the_box_areas()
    {
        BoxRect[] boxes = [new(0, 0, 10, 10), new(20, 20, 50, 30)]; // areas 100 and 300

        Assert.Equal(100, BoxFeatureKernels.AreaStd(boxes), 9);
        Assert.Equal(0, BoxFeatureKernels.AreaStd([boxes[0]]));
    }

    [Fact]
    public void Aspect_and_area_ratio_are_width_over_height_and_box_over_image_area()
    {
        var box = new BoxRect(10, 10, 50, 30);

        Assert.Equal(2.0, BoxFeatureKernels.AspectRatio(box));
        Assert.Equal(800.0 / 10_000, BoxFeatureKernels.AreaRatio(box, 100, 100), 12);
    }

    [Theory]
    [InlineData(40, 40, 60, 60, 0.0)] // centred
    [InlineData(90, 40, 110, 60, 1.0)] // centre on the right border
    [InlineData(0, 40, 20, 60, 0.8)] // touching the left border: centre at x = 10, 40 of 50 from the middle
    [InlineData(40, 0, 60, 10, 0.9)] // touching the top: centre at y = 5
    public void Marginalization_is_zero_at_the_centre_and_one_on_the_border(double x0, double y0, double x1, double y1, double expected)
    {
        Assert.Equal(expected, BoxFeatureKernels.Marginalization(new BoxRect(x0, y0, x1, y1), 100, 100), 12);
    }

    [Fact]
    public void Two_half_overlapping_boxes_each_have_overlap_one_half()
    {
        BoxRect[] boxes = [new(0, 0, 20, 20), new(10, 0, 30, 20)];

        Assert.Equal(0.5, BoxFeatureKernels.Overlap(boxes, 0), 12);
        Assert.Equal(0.5, BoxFeatureKernels.Overlap(boxes, 1), 12);
    }

    [Fact]
    public void Overlap_counts_the_union_of_the_other_boxes_once()
    {
        // B and C overlap each other and together cover A: the union is A (1.0), not 0.75 + 0.75.
        BoxRect[] boxes = [new(0, 0, 20, 20), new(0, 0, 15, 20), new(5, 0, 20, 20), new(100, 100, 120, 120)];

        Assert.Equal(1.0, BoxFeatureKernels.Overlap(boxes, 0), 12);
        Assert.Equal(0.0, BoxFeatureKernels.Overlap(boxes, 3), 12);
    }

    [Fact]
    public void Nested_touching_and_separate_boxes_count_each_covered_point_once()
    {
        // A 10×10 box; B covers its left half, C its top half, D only touches its right edge, E is a degenerate line.
        BoxRect[] boxes = [new(0, 0, 10, 10), new(-5, -5, 5, 15), new(0, -5, 20, 5), new(10, 0, 20, 10), new(2, 2, 2, 8)];

        Assert.Equal(0.75, BoxFeatureKernels.Overlap(boxes, 0));
        Assert.Equal(0.5, BoxFeatureKernels.Overlap(boxes, 3));
    }

    [Property(MaxTest = 300)]
    public Property The_union_area_of_integer_rectangles_is_bit_for_bit_the_slab_merge_reference(int seed, PositiveInt count)
    {
        var rectangles = RandomRectangles(new Random(seed), 1 + (count.Get % 60), random => random.Next(0, 200));
        return (RectangleUnion.Area(rectangles) == SlabMergeUnion.Area(rectangles)).ToProperty();
    }

    [Property(MaxTest = 300)]
    public Property The_union_area_of_fractional_rectangles_agrees_with_the_slab_merge_reference_to_rounding(int seed, PositiveInt count)
    {
        var rectangles = RandomRectangles(new Random(seed), 1 + (count.Get % 60), random => Math.Round(random.NextDouble() * 200, 2));
        var reference = SlabMergeUnion.Area(rectangles);
        return (Math.Abs(RectangleUnion.Area(rectangles) - reference) <= 1e-12 * reference).ToProperty();
    }

    [Fact]
    public void The_union_of_a_thousand_heavily_overlapping_rectangles_is_the_slab_merge_reference()
    {
        var rectangles = RandomRectangles(new Random(7), 1000, random => random.Next(0, 400));

        Assert.Equal(SlabMergeUnion.Area(rectangles), RectangleUnion.Area(rectangles));
    }

    [Fact]
    public void Box_brightness_and_clarity_read_the_crop_only()
    {
        using var image = TestImages.UniformGrey(200, 100, 0);
        OpenCvSharp.Cv2.Rectangle(image, new OpenCvSharp.Rect(50, 20, 40, 30), OpenCvSharp.Scalar.All(255), -1);
        BoxRect[] boxes = [new(50, 20, 90, 50), new(120, 20, 180, 80)];

        var values = TestImages.Analyse(image, boxes).Boxes!;

        Assert.Equal(2, values.Count);
        Assert.Equal(1.0, values.Boxes[0].Brightness!.Value, 5);
        Assert.Equal(0.0, values.Boxes[0].Clarity!.Value, 9);
        Assert.Equal(0.0, values.Boxes[1].Brightness!.Value, 9);
    }

    [Fact]
    public void A_degenerate_box_is_counted_but_has_no_per_box_features()
    {
        using var image = TestImages.UniformGrey(100, 100, 50);
        BoxRect[] boxes = [new(10, 10, 10, 40), new(10, 10, 40, 40)];

        var values = TestImages.Analyse(image, boxes).Boxes!;

        Assert.Equal(2, values.Count);
        Assert.Single(values.Boxes);
    }

    /// <summary>Random rectangles of positive extent, as bbox_overlap hands them to the union (degenerate ones are left out there).</summary>
    private static BoxRect[] RandomRectangles(Random random, int count, Func<Random, double> coordinate) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            double x0 = coordinate(random), x1 = coordinate(random), y0 = coordinate(random), y1 = coordinate(random);
            return new BoxRect(Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1) + 1, Math.Max(y0, y1) + 1);
        })];
}

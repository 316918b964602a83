using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenCvSharp;
using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// The one integer pass over the working image against OpenCV's own definitions (HSV conversion and <c>cv::mean</c>,
/// a float opponent transform and <c>cv::meanStdDev</c>, BGR2GRAY and a double Laplacian), bit for bit.
/// </summary>
public sealed class WorkingImageFeaturesProperties
{
    // Widths past a vector step and its remainder, and one-pixel rows and columns, whose Laplacian reflects onto itself.
    private static readonly Gen<PixelCase> _cases = PixelCase.Generate(90, 40);

    [Property(MaxTest = 300)]
    public Property Saturation_clarity_and_colourfulness_are_OpenCVs_to_the_last_bit() =>
        Prop.ForAll(_cases.ToArbitrary(), c =>
        {
            using var image = c.ToMat();
            using var grey = OpenCvReferenceKernels.ToGrey(image);

            var values = WorkingImageFeatures.Measure(image);

            return (values.Saturation == OpenCvReferenceKernels.Saturation(image)).Label($"saturation {values.Saturation} vs {OpenCvReferenceKernels.Saturation(image)}")
                .And((values.Clarity == OpenCvReferenceKernels.LaplacianVariance(grey)).Label($"clarity {values.Clarity} vs {OpenCvReferenceKernels.LaplacianVariance(grey)}"))
                .And((values.Colorfulness == OpenCvReferenceKernels.Colorfulness(image)).Label($"colourfulness {values.Colorfulness} vs {OpenCvReferenceKernels.Colorfulness(image)}"));
        });

    [Fact]
    public void A_working_image_of_a_photograph_gives_OpenCVs_values()
    {
        using var photo = TestImages.Scene(640, 480);

        var values = WorkingImageFeatures.Measure(photo);

        using var grey = OpenCvReferenceKernels.ToGrey(photo);
        Assert.Equal(OpenCvReferenceKernels.Saturation(photo), values.Saturation);
        Assert.Equal(OpenCvReferenceKernels.LaplacianVariance(grey), values.Clarity);
        Assert.Equal(OpenCvReferenceKernels.Colorfulness(photo), values.Colorfulness);
    }

    [Fact]
    public void A_crop_that_is_not_continuous_is_measured_as_its_own_pixels()
    {
        using var photo = TestImages.Scene(300, 200);
        using var crop = new Mat(photo, new Rect(17, 9, 121, 77));
        using var copy = crop.Clone();

        Assert.Equal(WorkingImageFeatures.Measure(copy), WorkingImageFeatures.Measure(crop));
    }
}

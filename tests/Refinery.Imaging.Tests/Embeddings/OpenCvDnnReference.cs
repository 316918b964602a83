using System.Runtime.InteropServices;
using OpenCvSharp;
using OpenCvSharp.Dnn;
using Refinery.Imaging.Embeddings;

namespace Refinery.Imaging.Tests.Embeddings;

/// <summary>
/// The package's two ResNet-18 graphs run by OpenCV's DNN module instead of ONNX Runtime, exactly as ML.NET chains them
/// (RGB planes 0–255 → <c>ResNetPreprocess.onnx</c> → <c>ResNet18.onnx</c>), with the documented preprocessing done
/// by OpenCV's own <c>BlobFromImage</c> (centre crop, BGR→RGB, planar floats): an embedding computed without any of
/// <see cref="ImageEmbedder"/>'s code, to check it against.
/// </summary>
internal static class OpenCvDnnReference
{
    private const int Side = 224;

    public static float[] Embed(Mat bgr)
    {
        // The shorter side to 224 by area averaging; BlobFromImage then cuts the centre square.
        var scale = (double)Side / Math.Min(bgr.Width, bgr.Height);
        using var scaled = new Mat();
        Cv2.Resize(bgr, scaled, new Size(Math.Round(bgr.Width * scale), Math.Round(bgr.Height * scale)), interpolation: InterpolationFlags.Area);
        using var rgbPlanes = CvDnn.BlobFromImage(scaled, 1.0, new Size(Side, Side), new Scalar(), swapRB: true, crop: true);

        var directory = ResNet18ModelFiles.DefaultDirectory;
        using var preprocess = CvDnn.ReadNetFromOnnx(Path.Combine(directory, ResNet18ModelFiles.PreprocessRelativePath))!;
        preprocess.SetInput(rgbPlanes);
        using var prepared = preprocess.Forward();
        using var model = CvDnn.ReadNetFromOnnx(Path.Combine(directory, ResNet18ModelFiles.ModelRelativePath))!;
        model.SetInput(prepared);
        using var pooled = model.Forward();

        var features = new float[pooled.Total()];
        Marshal.Copy(pooled.Data, features, 0, features.Length);
        var norm = Math.Sqrt(features.Sum(value => (double)value * value));
        return [.. features.Select(value => (float)(value / norm))];
    }
}

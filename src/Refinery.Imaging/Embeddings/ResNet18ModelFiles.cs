namespace Refinery.Imaging.Embeddings;

/// <summary>
/// Where the ResNet-18 of <c>Microsoft.ML.DnnImageFeaturizer.ResNet18</c> lives and what its graphs are called. The
/// package ships two ONNX graphs, which ML.NET chains: <c>ResNetPreprocess.onnx</c> (RGB planes in 0–255 → BGR planes
/// minus a 224×224 ImageNet mean image) and <c>ResNet18.onnx</c> (a CNTK export whose only output is the global
/// average pool, 512×1×1: the image's feature vector, no classifier layer).
/// </summary>
public static class ResNet18ModelFiles
{
    /// <summary>The folder the build copies the package's models into, beside the application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

    public const string ModelRelativePath = "ResNet18Onnx/ResNet18.onnx";

    public const string PreprocessRelativePath = "ResNetPrepOnnx/ResNetPreprocess.onnx";

    public const string ModelInput = "Input247";

    /// <summary>The global average pool, the last node of the graph.</summary>
    public const string ModelOutput = "Pooling395_Output_0";

    public const string PreprocessInput = "OriginalInput";

    public const string PreprocessOutput = "PreprocessedInput";

    /// <summary>The side of the square the model sees.</summary>
    public const int InputSide = 224;

    public const int FeatureLength = 512;

    /// <summary>The path of <paramref name="relativePath"/> under <paramref name="directory"/>, which must exist.</summary>
    /// <exception cref="FileNotFoundException">The build did not copy the model (the package was not restored).</exception>
    public static string Locate(string directory, string relativePath)
    {
        var path = Path.Combine(directory, relativePath);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"the ResNet-18 model file {path} is missing; it is copied there at build time from the NuGet package "
                + "Microsoft.ML.DnnImageFeaturizer.ResNet18 (run `dotnet restore` and build again)", path);
    }
}

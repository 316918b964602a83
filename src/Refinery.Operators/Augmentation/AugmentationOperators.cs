using Refinery.Domain;

namespace Refinery.Operators.Augmentation;

/// <summary>Every <c>sys_data_augmentation</c> operator by its ModelArts name: adding one is a class and a line here.</summary>
public static class AugmentationOperators
{
    private static readonly IAugmentationOperator[] _augmentations =
    [
        new AddNoiseOperator(), new BlurOperator(), new CropOperator(), new CutOutOperator(), new FlipOperator(),
        new GrayscaleOperator(), new HistogramEqualOperator(), new LightArithmeticOperator(), new LightContrastOperator(),
        new MotionBlurOperator(), new PaddingOperator(), new ResizeOperator(), new RotateOperator(), new SaturationOperator(),
        new ScaleOperator(), new SharpenOperator(), new ShearOperator(), new TranslateOperator(), new WeatherOperator(),
    ];

    /// <summary>
    /// Every name a request may give: the 19 augmentations, then the two training jobs ModelArts lists beside them,
    /// which refuse their params with a 400 that says why.
    /// </summary>
    public static IReadOnlyList<IAugmentationOperator> Requestable { get; } =
        [.. _augmentations, new TrainingJobOperator("StyleGAN"), new TrainingJobOperator("CycleGAN")];

    /// <summary>The 19 augmentations, in ModelArts' documented order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. _augmentations.Select(candidate => candidate.Name)];

    // After Requestable: static initializers run in the order they are written.
    private static readonly Dictionary<string, IAugmentationOperator> _byName =
        Requestable.ToDictionary(candidate => candidate.Name, StringComparer.Ordinal);

    /// <summary>The operator named <paramref name="name"/>; an unknown name is a 400 listing the known ones.</summary>
    public static IAugmentationOperator Find(string name) =>
        _byName.TryGetValue(name, out var found)
            ? found
            : throw ModelArtsErrors.InvalidArgument("operator_params.name", $"'{name}' is not an augmentation operator; known: {string.Join(", ", Names)}");
}

using Refinery.Domain;

namespace Refinery.Operators.Validation;

/// <summary>The parameters of <c>MetaValidation</c> (operators.md Part B §2.2), parsed once per version.</summary>
/// <param name="ImageMaxWidth">Wider images are shrunk proportionally; <see cref="NoLimit"/> never shrinks.</param>
/// <param name="ImageMaxHeight">Taller images are shrunk proportionally; <see cref="NoLimit"/> never shrinks.</param>
/// <param name="TaskType"><c>image_classification</c> or <c>object_detection</c>.</param>
public sealed record MetaValidationParams(int ImageMaxWidth, int ImageMaxHeight, string TaskType)
{
    public const int NoLimit = -1;

    /// <exception cref="ModelArtsException">ModelArts.0101 naming the parameter that breaks its rule.</exception>
    public static MetaValidationParams Parse(OperatorParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var width = ParseLimit(parameters, "image_max_width");
        var height = ParseLimit(parameters, "image_max_height");
        var taskType = parameters.GetString("task_type");
        if (!TaskTypes.IsKnown(taskType))
        {
            throw ModelArtsErrors.InvalidArgument(
                "params.task_type",
                $"must be {TaskTypes.ImageClassification} or {TaskTypes.ObjectDetection}, got '{taskType}'");
        }

        return new MetaValidationParams(width, height, taskType!);
    }

    private static int ParseLimit(OperatorParameters parameters, string name)
    {
        var value = parameters.GetInt(name, NoLimit);
        return value == NoLimit || value >= 1
            ? value
            : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be -1 (no limit) or at least 1 pixel, got {value}");
    }
}

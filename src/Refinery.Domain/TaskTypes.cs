namespace Refinery.Domain;

/// <summary>The two scene types (<c>params.task_type</c>) that data processing supports.</summary>
public static class TaskTypes
{
    public const string ImageClassification = "image_classification";
    public const string ObjectDetection = "object_detection";

    public static bool IsKnown(string? value) => value is ImageClassification or ObjectDetection;
}

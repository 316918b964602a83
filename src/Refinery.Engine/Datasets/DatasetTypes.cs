using Refinery.Domain;

namespace Refinery.Engine.Datasets;

/// <summary>The ModelArts dataset types Refinery serves, and the processing scene type each one is.</summary>
public static class DatasetTypes
{
    public const int ImageClassification = 0;
    public const int ObjectDetection = 1;

    public static bool IsServed(int type) => type is ImageClassification or ObjectDetection;

    public static string TaskTypeOf(int type) => type == ObjectDetection ? TaskTypes.ObjectDetection : TaskTypes.ImageClassification;
}

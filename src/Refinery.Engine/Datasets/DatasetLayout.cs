using Refinery.Storage;

namespace Refinery.Engine.Datasets;

/// <summary>
/// Where a dataset keeps its manifests under its work path, ModelArts' layout:
/// <c>&lt;work_path&gt;/dataset-&lt;id&gt;/annotation/V001/V001.manifest</c>, plus the working manifest that the next
/// version freezes.
/// </summary>
public static class DatasetLayout
{
    public static ObjectPath Root(ObjectPath workPath, string datasetId) => workPath.Combine($"dataset-{datasetId}");

    /// <summary>Where the dataset's manifests are (<c>inner_annotation_path</c>).</summary>
    public static ObjectPath AnnotationFolder(ObjectPath workPath, string datasetId) => Root(workPath, datasetId).Combine("annotation");

    public static ObjectPath WorkingManifest(ObjectPath workPath, string datasetId) =>
        AnnotationFolder(workPath, datasetId).Combine("working.manifest");

    public static ObjectPath VersionManifest(ObjectPath workPath, string datasetId, string versionName) =>
        AnnotationFolder(workPath, datasetId).Combine($"{versionName}/{versionName}.manifest");

    /// <summary>
    /// Where ModelArts says a dataset version's analysis goes, <c>…/annotation/evaluation/V001</c>, for the version whose
    /// manifest is <paramref name="versionManifest"/> (<c>…/annotation/V001/V001.manifest</c>).
    /// </summary>
    public static ObjectPath EvaluationFolder(ObjectPath versionManifest)
    {
        var versionFolder = versionManifest.Parent();
        var versionName = versionFolder.Key[(versionFolder.Key.LastIndexOf('/') + 1)..];
        return versionFolder.Parent().Combine($"evaluation/{versionName}");
    }

    /// <summary>
    /// Where the dataset's samples are (<c>inner_data_path</c>): Refinery never copies them, so this is the folder
    /// they were imported from (the folder of an imported manifest).
    /// </summary>
    public static string InnerDataPath(string dataPath)
    {
        var path = StoragePathParser.Parse("data_path", dataPath);
        return DisplayFolder(path.Key.EndsWith(".manifest", StringComparison.OrdinalIgnoreCase) ? path.Parent() : path);
    }

    /// <summary>The <c>/bucket/key</c> form the dataset APIs report paths in.</summary>
    public static string Display(ObjectPath path) => $"/{path.Bucket}/{path.Key}";

    public static string DisplayFolder(ObjectPath path) => $"/{path.Bucket}/{path.Key}/";
}

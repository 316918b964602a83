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

    public static ObjectPath WorkingManifest(ObjectPath workPath, string datasetId) =>
        Root(workPath, datasetId).Combine("annotation/working.manifest");

    public static ObjectPath VersionManifest(ObjectPath workPath, string datasetId, string versionName) =>
        Root(workPath, datasetId).Combine($"annotation/{versionName}/{versionName}.manifest");

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

    /// <summary>The <c>/bucket/key</c> form the dataset APIs report paths in.</summary>
    public static string Display(ObjectPath path) => $"/{path.Bucket}/{path.Key}";

    public static string DisplayFolder(ObjectPath path) => $"/{path.Bucket}/{path.Key}/";
}

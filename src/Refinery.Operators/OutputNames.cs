namespace Refinery.Operators;

/// <summary>Output names (<c>cat/1.jpg</c>) taken apart, for stages that publish a file under a name derived from one.</summary>
public static class OutputNames
{
    /// <summary>The folder (with its trailing slash, or empty) and the stem of an output name.</summary>
    public static (string Folder, string Stem) Split(string outputName)
    {
        var slash = outputName.LastIndexOf('/');
        var folder = slash < 0 ? "" : outputName[..(slash + 1)];
        return (folder, Path.GetFileNameWithoutExtension(outputName[folder.Length..]));
    }
}

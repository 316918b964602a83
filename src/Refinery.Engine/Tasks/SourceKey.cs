using Refinery.Domain.Tasks;
using Refinery.Storage;

namespace Refinery.Engine.Tasks;

/// <summary>
/// The form a task's source is stored and filtered in. <c>obs://b/p</c>, <c>s3://b/p</c>, <c>/b/p</c> and
/// <c>obs://b/p/</c> name the same objects, so OBS sources are kept as one canonical <c>obs://</c> URI; task and
/// dataset ids are kept as given.
/// </summary>
public static class SourceKey
{
    public static string Of(ProcessorDataSource input) =>
        input.Type == SourceTypes.Obs && input.Source is { Length: > 0 } path ? Canonical(path) : input.Source ?? "";

    /// <summary>The <c>source</c> filter of the task list: a path compares in canonical form, an id as given.</summary>
    public static string ForFilter(string source) => LooksLikePath(source) ? Canonical(source) : source;

    private static string Canonical(string path) => StoragePathParser.Parse("source", path).ToUri();

    private static bool LooksLikePath(string value) =>
        value.StartsWith('/') || value.Contains("://", StringComparison.Ordinal);
}

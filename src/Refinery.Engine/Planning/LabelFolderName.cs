using Refinery.Storage;

namespace Refinery.Engine.Planning;

/// <summary>
/// Turns a manifest label or file name into one safe segment of an output name. Labels are free text (a manifest may
/// say <c>../../outside</c>), but the output folder must stay one segment under <c>Data/</c> that every store accepts.
/// The output manifest keeps the label as written; only the folder name changes.
/// </summary>
public static class LabelFolderName
{
    public static string From(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var safe = string.Create(text.Length, text, static (span, source) =>
        {
            for (var index = 0; index < source.Length; index++)
            {
                var character = source[index];
                span[index] = character is '/' or '\\' || char.IsControl(character) ? '_' : character;
            }
        });
        return safe switch
        {
            "" => "_",
            "." => "_",
            ".." => "__",
            _ when safe.StartsWith(LocalDirectoryStore.TemporaryFilePrefix, StringComparison.Ordinal) => "_" + safe,
            _ => safe,
        };
    }
}

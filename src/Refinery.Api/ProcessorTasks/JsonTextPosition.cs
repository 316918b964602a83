using System.Text;

namespace Refinery.Api.ProcessorTasks;

/// <summary>
/// A place in a UTF-8 request body as a person finds it in an editor: 1-based line and 1-based column counted in
/// characters, not the parser's 0-based byte offsets.
/// </summary>
public readonly record struct JsonTextPosition(long Line, long Column)
{
    /// <summary>The position of byte <paramref name="offset"/>, whose preceding bytes must be valid UTF-8.</summary>
    public static JsonTextPosition At(ReadOnlySpan<byte> text, long offset)
    {
        var before = text[..(int)Math.Min(offset, text.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return new JsonTextPosition(before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

    public override string ToString() => $"line {Line}, column {Column}";
}

using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Refinery.Domain;

namespace Refinery.Api.ProcessorTasks;

/// <summary>
/// Checks a request body before it is parsed into a document: UTF-8 throughout, well-formed JSON no deeper than
/// the limit, strings that decode, and no object that names a key twice (a parser would silently keep one of them,
/// so the request would not mean what its sender may think). Each refusal says where, in plain words.
/// </summary>
public static class StrictJsonScanner
{
    public static void Check(ReadOnlySpan<byte> body, int maxDepth)
    {
        if (!Utf8.IsValid(body))
        {
            var offset = FirstInvalidUtf8Byte(body);
            throw ModelArtsErrors.NotJson(
                $"it is not UTF-8 text: byte 0x{body[offset]:X2} at {JsonTextPosition.At(body, offset)} does not belong to a UTF-8 character.");
        }

        // One deeper than allowed, so that too deep a nesting is reported here, in these words, not by the reader.
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        var containers = new Stack<Container>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= maxDepth)
                        {
                            throw ModelArtsErrors.NotJson(
                                $"it nests objects and arrays deeper than {maxDepth} levels at {JsonTextPosition.At(body, reader.TokenStartIndex)}.");
                        }

                        var path = containers.TryPeek(out var parent) ? parent.PathOfNextValue() : "";
                        containers.Push(new Container(path, isObject: reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        containers.Peek().Name(ReadString(ref reader, body));
                        break;
                    default:
                        if (reader.TokenType == JsonTokenType.String)
                        {
                            ReadString(ref reader, body);
                        }

                        // A body that is one bare value has no container around it.
                        if (containers.TryPeek(out var container))
                        {
                            container.SkipValue();
                        }

                        break;
                }
            }
        }
        catch (JsonException error)
        {
            throw ModelArtsErrors.NotJson(Describe(body, error));
        }
    }

    private static string ReadString(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The bytes are UTF-8, so this is an escape such as "\ud800" that names half of a character.
            throw ModelArtsErrors.NotJson(
                $"the string at {JsonTextPosition.At(body, reader.TokenStartIndex)} has a \\u escape that is half of a surrogate pair.");
        }
    }

    private static string Describe(ReadOnlySpan<byte> body, JsonException error)
    {
        var offset = OffsetOf(body, error.LineNumber ?? 0, error.BytePositionInLine ?? 0);
        var position = JsonTextPosition.At(body, offset);
        if (body[offset..].Trim(" \t\r\n"u8).IsEmpty)
        {
            return $"it ends at {position} before the JSON is complete.";
        }

        // The body is valid UTF-8 (checked first), so a whole character starts at the offset.
        Rune.DecodeFromUtf8(body[offset..], out var rune, out _);
        var shown = Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) ? $"U+{rune.Value:X4}" : $"'{rune}'";
        return $"unexpected character {shown} at {position}.";
    }

    /// <summary>The byte offset of the parser's (0-based line, 0-based byte in that line).</summary>
    private static int OffsetOf(ReadOnlySpan<byte> body, long line, long byteInLine)
    {
        var lineStart = 0;
        for (var remaining = line; remaining > 0; remaining--)
        {
            var next = body[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return (int)Math.Min(body.Length, lineStart + byteInLine);
    }

    private static int FirstInvalidUtf8Byte(ReadOnlySpan<byte> body)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(body[offset..], out _, out var consumed) == System.Buffers.OperationStatus.Done)
        {
            offset += consumed;
        }

        return offset;
    }

    /// <summary>An object or array being read: its path for messages, and for an object the keys seen so far.</summary>
    private sealed class Container(string path, bool isObject)
    {
        private readonly HashSet<string>? _keys = isObject ? new(StringComparer.Ordinal) : null;
        private string _lastKey = "";
        private int _nextIndex;

        public void Name(string key)
        {
            _lastKey = key;
            if (!_keys!.Add(key))
            {
                throw ModelArtsErrors.InvalidArgument(PathOf(key), "is given more than once; give each key once");
            }
        }

        public string PathOfNextValue() => _keys is not null ? PathOf(_lastKey) : $"{path}[{_nextIndex++}]";

        public void SkipValue()
        {
            if (_keys is null)
            {
                _nextIndex++;
            }
        }

        private string PathOf(string key) => path.Length == 0 ? key : $"{path}.{key}";
    }
}

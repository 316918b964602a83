using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>
/// Mutated JSON bodies: a valid body with one member dropped, nulled, retyped (to any of
/// <see cref="HostileValues.JsonValues"/>) or given twice; or its bytes truncated, broken as UTF-8 or replaced.
/// </summary>
public static class BodyMutations
{
    private const string Sentinel = "fuzzsentinel0";

    private enum Kind
    {
        Drop,
        Null,
        Retype,
        Duplicate,
        Truncate,
        InvalidUtf8,
        RandomBytes,
        Empty,
        Root,
    }

    private static readonly byte[][] _brokenUtf8 = [[0x80], [0xC3], [0xFF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC0, 0xAF]];

    public static Gen<byte[]> Of(Func<int, string> validBody) =>
        from number in Gen.Choose(0, 1_000_000)
        from kind in Gen.Frequency(
            (2, Gen.Constant(Kind.Drop)), (2, Gen.Constant(Kind.Null)), (6, Gen.Constant(Kind.Retype)), (3, Gen.Constant(Kind.Duplicate)),
            (2, Gen.Constant(Kind.Truncate)), (2, Gen.Constant(Kind.InvalidUtf8)), (1, Gen.Constant(Kind.RandomBytes)),
            (1, Gen.Constant(Kind.Empty)), (1, Gen.Constant(Kind.Root)))
        from pick in Gen.Choose(0, int.MaxValue)
        from replacement in Gen.Elements(HostileValues.JsonValues)
        from broken in Gen.Elements(_brokenUtf8)
        select Apply(validBody(number), kind, pick, replacement, broken);

    private static byte[] Apply(string valid, Kind kind, int pick, string replacement, byte[] broken)
    {
        var bytes = Encoding.UTF8.GetBytes(valid);
        switch (kind)
        {
            case Kind.Truncate:
                return bytes[..(pick % bytes.Length)];
            case Kind.InvalidUtf8:
                var at = pick % bytes.Length;
                return [.. bytes[..at], .. broken, .. bytes[at..]];
            case Kind.RandomBytes:
                var random = new byte[pick % 300];
                new Random(pick).NextBytes(random);
                return random;
            case Kind.Empty:
                return [];
            case Kind.Root:
                return Encoding.UTF8.GetBytes(replacement);
        }

        var root = JsonNode.Parse(valid)!;
        var members = Members(root).ToList();
        var (parent, key, index) = members[pick % members.Count];
        var original = (key is not null ? parent[key] : parent[index])?.ToJsonString() ?? "null";
        if (kind == Kind.Drop)
        {
            if (key is not null)
            {
                parent.AsObject().Remove(key);
            }
            else
            {
                parent.AsArray().RemoveAt(index);
            }

            return Encoding.UTF8.GetBytes(root.ToJsonString());
        }

        Set(parent, key, index, kind == Kind.Null ? null : JsonValue.Create(Sentinel));
        var text = root.ToJsonString();
        var mutated = kind switch
        {
            Kind.Null => text,
            Kind.Duplicate when key is not null => text.Replace(
                $"\"{key}\":\"{Sentinel}\"", $"\"{key}\":{replacement},\"{key}\":{original}", StringComparison.Ordinal),
            _ => text.Replace($"\"{Sentinel}\"", replacement, StringComparison.Ordinal),
        };
        return Encoding.UTF8.GetBytes(mutated);
    }

    private static void Set(JsonNode parent, string? key, int index, JsonNode? value)
    {
        if (key is not null)
        {
            parent[key] = value;
        }
        else
        {
            parent[index] = value;
        }
    }

    /// <summary>Every member of every object and element of every array, depth first.</summary>
    private static IEnumerable<(JsonNode Parent, string? Key, int Index)> Members(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj.ToList())
            {
                yield return (node, key, -1);
                if (value is not null)
                {
                    foreach (var member in Members(value))
                    {
                        yield return member;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var index = 0; index < array.Count; index++)
            {
                yield return (node, null, index);
                if (array[index] is { } element)
                {
                    foreach (var member in Members(element))
                    {
                        yield return member;
                    }
                }
            }
        }
    }
}

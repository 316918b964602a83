using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Domain;

namespace Refinery.Storage.Tests;

public sealed class StoragePathParserProperties
{
    private static readonly Gen<char> _bucketFirstCharacter =
        Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray());

    private static readonly Gen<char> _bucketCharacter =
        Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-".ToCharArray());

    // Letters, digits, punctuation, spaces and non-ASCII: everything a key segment may hold except '/', '\' and controls.
    private static readonly Gen<char> _segmentCharacter =
        Gen.Elements("abcXYZ019 .-_~+=@,;()[]{}!$&'#%中文éü".ToCharArray());

    private static readonly Gen<string> _bucket =
        from first in _bucketFirstCharacter
        from rest in Gen.Choose(0, 62).SelectMany(length => Gen.ArrayOf(_bucketCharacter, length))
        select first + new string(rest);

    private static readonly Gen<string> _segment =
        Gen.Choose(1, 12)
            .SelectMany(length => Gen.ArrayOf(_segmentCharacter, length))
            .Select(characters => new string(characters))
            .Where(segment => segment is not "." and not "..");

    private static readonly Gen<string> _key =
        Gen.Choose(0, 5).SelectMany(count => Gen.ArrayOf(_segment, count)).Select(segments => string.Join('/', segments));

    private static readonly Gen<string> _scheme = Gen.Elements("obs://", "s3://", "/");

    [Property]
    public Property A_valid_path_parses_and_round_trips_through_its_uri() =>
        Prop.ForAll(
            (from scheme in _scheme
             from bucket in _bucket
             from key in _key
             from trailingSlash in Gen.Elements(false, true)
             select (scheme, bucket, key, trailingSlash)).ToArbitrary(),
            generated =>
            {
                var (scheme, bucket, key, trailingSlash) = generated;
                var text = key.Length == 0 ? scheme + bucket : $"{scheme}{bucket}/{key}";
                var parsed = StoragePathParser.Parse("input", trailingSlash ? text + "/" : text);

                var canonical = key.Length == 0 ? $"obs://{bucket}" : $"obs://{bucket}/{key}";
                return parsed == new ObjectPath(bucket, key)
                       && parsed.ToUri() == canonical
                       && StoragePathParser.Parse("input", parsed.ToUri()) == parsed;
            });

    [Property]
    public Property A_path_with_a_dot_dot_segment_never_parses() =>
        Prop.ForAll(
            (from scheme in _scheme
             from bucket in _bucket
             from before in Gen.Choose(0, 3).SelectMany(count => Gen.ArrayOf(_segment, count))
             from after in Gen.Choose(0, 3).SelectMany(count => Gen.ArrayOf(_segment, count))
             from trailingSlash in Gen.Elements(false, true)
             select $"{scheme}{bucket}/{string.Join('/', [.. before, "..", .. after])}{(trailingSlash ? "/" : "")}")
            .ToArbitrary(),
            path =>
            {
                var error = Record.Exception(() => StoragePathParser.Parse("input", path));
                return error is ModelArtsException { ErrorCode: "ModelArts.4313" };
            });
}

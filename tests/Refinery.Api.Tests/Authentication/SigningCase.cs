using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

/// <summary>
/// A request in decoded form, which can be written on the wire in two equally valid spellings: the strict one a
/// signing client produces and a looser one a proxy or another client may produce instead.
/// </summary>
internal sealed record SigningCase(string Method, string[] PathSegments, (string Name, string Value)[] Query, byte[] Body)
{
    private const string SubDelimitersLeftRawInPaths = "!$&'()*+,;=:@";
    private const string CharactersLeftRawInQueries = "!$'()*,;:@/?";

    public SignableRequest StrictlyEncoded(RequestHeaderMap headers) => new(
        Method,
        "/" + string.Join('/', PathSegments.Select(segment => Encode(segment, string.Empty, lowerHex: false))),
        string.Join('&', Query.Select(p => $"{Encode(p.Name, string.Empty, false)}={Encode(p.Value, string.Empty, false)}")),
        headers,
        SdkHmacSha256Canonicalizer.BodyHash(Body));

    public SignableRequest LooselyEncoded(RequestHeaderMap headers) => new(
        Method,
        "/" + string.Join('/', PathSegments.Select(segment => Encode(segment, SubDelimitersLeftRawInPaths, lowerHex: true))),
        string.Join('&', Query.Select(p => $"{EncodeQueryLoosely(p.Name)}={EncodeQueryLoosely(p.Value)}")),
        headers,
        SdkHmacSha256Canonicalizer.BodyHash(Body));

    public override string ToString() =>
        $"{Method} /{string.Join('/', PathSegments)} ? {string.Join(" & ", Query.Select(p => $"{p.Name} = {p.Value}"))} body {Convert.ToHexString(Body)}";

    private static string EncodeQueryLoosely(string text) =>
        Encode(text, CharactersLeftRawInQueries + " ", lowerHex: true).Replace(' ', '+');

    private static string Encode(string text, string leftRaw, bool lowerHex)
    {
        var builder = new StringBuilder();
        foreach (var value in Encoding.UTF8.GetBytes(text))
        {
            var character = (char)value;
            if (char.IsAsciiLetterOrDigit(character) || "-_.~".Contains(character) || (value < 0x80 && leftRaw.Contains(character)))
            {
                builder.Append(character);
            }
            else
            {
                builder.Append('%').Append(lowerHex ? value.ToString("x2") : value.ToString("X2"));
            }
        }

        return builder.ToString();
    }
}

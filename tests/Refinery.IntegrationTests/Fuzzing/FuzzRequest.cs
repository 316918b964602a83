using System.Text;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>One request the fuzzer sends; all of it is data, so a failing one is printed whole and can be replayed.</summary>
public sealed record FuzzRequest(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, string? ContentType)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(PathAndQuery, UriKind.Relative));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public override string ToString() =>
        $"{Method} {Shorten(PathAndQuery)} [{string.Join("; ", Headers.Select(header => $"{header.Key}: {Shorten(header.Value)}"))}] "
        + $"Content-Type: {ContentType ?? "(none)"} body: {(Body is null ? "(none)" : Shorten(Encoding.UTF8.GetString(Body)))}";

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…({text.Length} chars)";
}

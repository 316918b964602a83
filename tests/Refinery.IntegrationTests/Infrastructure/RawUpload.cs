using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// An HTTP/1.1 upload written straight onto a socket: the head, then a body of zeros streamed from one small buffer
/// while the answer is read as soon as it comes. A server that answers before reading the body is seen to do so, and
/// hundreds of uploads in flight cost the test almost no memory.
/// </summary>
internal static class RawUpload
{
    private static readonly byte[] _zeros = new byte[64 * 1024];

    /// <summary>The status and body of the answer to a POST of <paramref name="bodyBytes"/> zero bytes.</summary>
    public static async Task<(int Status, string Body)> PostAsync(
        Uri server, string target, IReadOnlyDictionary<string, string> headers, long bodyBytes, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancellationToken);
        var stream = client.GetStream();
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"POST {target} HTTP/1.1\r\nHost: {server.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: application/json\r\nContent-Length: {bodyBytes}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()), cancellationToken);
        var answer = ReadAnswerAsync(stream, cancellationToken);
        try
        {
            for (var sent = 0L; sent < bodyBytes && !answer.IsCompleted; sent += _zeros.Length)
            {
                await stream.WriteAsync(_zeros.AsMemory(0, (int)Math.Min(_zeros.Length, bodyBytes - sent)), cancellationToken);
            }
        }
        catch (IOException)
        {
            // The server answered and closed the connection without reading the rest: what a refusal may do.
        }

        return await answer;
    }

    private static async Task<(int Status, string Body)> ReadAnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOf(received, "\r\n\r\n"u8)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                throw new IOException($"The connection closed before a whole answer head arrived: '{Encoding.ASCII.GetString([.. received])}'");
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.Take(headEnd)]);
        var status = int.Parse(head.Split(' ')[1], CultureInfo.InvariantCulture);
        var body = received.Skip(headEnd + 4).ToList();
        var chunked = head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
        var length = head.Split("\r\n").FirstOrDefault(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        while (chunked ? IndexOf(body, "0\r\n\r\n"u8) < 0 : body.Count < int.Parse(length!.Split(':')[1], CultureInfo.InvariantCulture))
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.AddRange(buffer.AsSpan(0, read));
        }

        return (status, chunked ? Dechunk(body) : Encoding.UTF8.GetString([.. body]));
    }

    private static string Dechunk(List<byte> body)
    {
        var text = Encoding.UTF8.GetString([.. body]);
        var result = new StringBuilder();
        var position = 0;
        while (true)
        {
            var lineEnd = text.IndexOf("\r\n", position, StringComparison.Ordinal);
            var size = int.Parse(text[position..lineEnd], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                return result.ToString();
            }

            result.Append(text, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> pattern) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes).IndexOf(pattern);
}

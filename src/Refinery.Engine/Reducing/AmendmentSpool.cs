using System.Text;
using System.Text.Json.Nodes;
using Refinery.Operators.Analysis;

namespace Refinery.Engine.Reducing;

/// <summary>
/// Holds the analysis reducer's per-sample amendments between the reduce and the storing of results, in a
/// temporary file rather than memory (there is one per analysed sample). Written in input order, read back in it.
/// </summary>
public sealed class AmendmentSpool : IAsyncDisposable
{
    private readonly FileStream _file = new(
        Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);

    private readonly StreamWriter _writer;
    private StreamReader? _reader;
    private (long Ordinal, JsonObject Values)? _next;

    public AmendmentSpool() => _writer = new StreamWriter(_file, new UTF8Encoding(false), 1 << 16, leaveOpen: true);

    /// <summary>Records one amendment; its key is the sample's ordinal.</summary>
    public async ValueTask WriteAsync(SampleAmendment amendment, CancellationToken cancellationToken)
    {
        var line = new JsonObject { ["ordinal"] = long.Parse(amendment.Key, System.Globalization.CultureInfo.InvariantCulture), ["values"] = amendment.ToValues() };
        await _writer.WriteLineAsync(line.ToJsonString().AsMemory(), cancellationToken);
    }

    /// <summary>The values to merge into the sample at <paramref name="ordinal"/>, if it has an amendment.</summary>
    public async ValueTask<JsonObject?> TakeAsync(long ordinal, CancellationToken cancellationToken)
    {
        if (_reader is null)
        {
            await _writer.FlushAsync(cancellationToken);
            _file.Position = 0;
            _reader = new StreamReader(_file, Encoding.UTF8, false, 1 << 16, leaveOpen: true);
            await AdvanceAsync(cancellationToken);
        }

        if (_next is not { } next || next.Ordinal != ordinal)
        {
            return null;
        }

        await AdvanceAsync(cancellationToken);
        return next.Values;
    }

    public async ValueTask DisposeAsync()
    {
        _reader?.Dispose();
        await _writer.DisposeAsync();
        await _file.DisposeAsync();
    }

    private async ValueTask AdvanceAsync(CancellationToken cancellationToken)
    {
        var line = await _reader!.ReadLineAsync(cancellationToken);
        _next = line is null ? null : ParseLine(line);
    }

    private static (long, JsonObject) ParseLine(string line)
    {
        var node = JsonNode.Parse(line)!;
        return (node["ordinal"]!.GetValue<long>(), node["values"]!.AsObject());
    }
}

using System.Text.Json.Nodes;

namespace Refinery.Cli.Commands.Tasks;

/// <summary>Turns the versions one wait sees into <see cref="ProgressFigures"/>, measuring the rate from the first one.</summary>
public sealed class ProgressMeter(TimeProvider clock)
{
    private long _startedAt;
    private int? _processedAtStart;

    public ProgressFigures Measure(JsonNode version)
    {
        var processed = version["progress"]?["processed"]?.GetValue<int>() ?? 0;
        var total = version["progress"]?["total"]?.GetValue<int>();
        if (_processedAtStart is null)
        {
            _processedAtStart = processed;
            _startedAt = clock.GetTimestamp();
        }

        return ProgressFigures.From(processed, total, _processedAtStart.Value, clock.GetElapsedTime(_startedAt));
    }
}

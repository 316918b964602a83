namespace Refinery.Bench.Api;

/// <summary>One load-test round against one endpoint.</summary>
public sealed record LoadResult(long Requests, double Seconds, long Bytes, double P50Micros, double P99Micros, long Non2xx, long SocketErrors)
{
    public double RequestsPerSecond => Requests / Seconds;
}

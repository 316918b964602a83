namespace Refinery.Api.Tests.Authentication;

/// <summary>A clock that always reads the same instant, so signatures dated in the past can be verified.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

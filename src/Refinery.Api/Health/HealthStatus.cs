namespace Refinery.Api.Health;

/// <summary>The body of a health answer that found nothing wrong.</summary>
public sealed record HealthStatus(string Status);

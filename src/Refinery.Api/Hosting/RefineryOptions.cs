using Refinery.Engine.Hosting;

namespace Refinery.Api.Hosting;

/// <summary>Everything <c>refinery serve</c> can be told: the engine's options and the web layer's; the defaults run on one machine with nothing installed.</summary>
public sealed record RefineryOptions : EngineHostOptions
{
    public string Urls { get; init; } = "http://127.0.0.1:8080";

    /// <summary>
    /// Where <c>refinery worker</c> answers <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c> (';'-separated, as
    /// <see cref="Urls"/>); null opens no port. <c>serve</c> has these routes on <see cref="Urls"/>.
    /// </summary>
    public string? HealthUrls { get; init; }

    /// <summary>How long the signed links in task results stay valid (at most 7 days, S3's limit for presigned URLs).</summary>
    public TimeSpan SignedUrlLifetime { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Thumbnails rendered at once; further requests wait for a turn.</summary>
    public int ThumbnailConcurrency { get; init; } = Math.Max(2, Environment.ProcessorCount);

    public string CredentialsPath => Path.Combine(DataDirectory, "credentials.json");

    /// <summary>The installation's secret for signing links to local buckets; made at first start, readable by the owner only.</summary>
    public string SigningKeyPath => Path.Combine(DataDirectory, "signing.key");

    /// <summary>The installation's key for the AK/SK secret keys kept in the catalog; made at first start, readable by the owner only.</summary>
    public string CatalogKeyPath => Path.Combine(DataDirectory, "catalog.key");

    /// <summary>A link-signing key file given by the operator, which wins over the catalog's and the data directory's.</summary>
    public string? SigningKeyFile { get; init; }

    /// <summary>A catalog key file given by the operator, which wins over the catalog's and the data directory's.</summary>
    public string? CatalogKeyFile { get; init; }

    /// <summary>Signs links to local buckets: every serve behind one address must hold the same.</summary>
    public InstallationSecret SigningKey => new("signing", SigningKeyFile, SigningKeyPath, "links already handed out stop working");

    /// <summary>Encrypts AK/SK secret keys in the catalog: every process that authenticates or creates them must hold the same.</summary>
    public InstallationSecret CatalogKey =>
        new("catalog", CatalogKeyFile, CatalogKeyPath, "the access keys made before stop working; make new ones with refinery access-key");
}

using Refinery.Imaging.Thumbnails;

namespace Refinery.Api.SignedLinks;

/// <summary>Makes the time-limited links that let anyone holding one fetch a sample, whatever kind of bucket holds it.</summary>
public interface ISignedUrlFactory
{
    /// <summary>
    /// A link to <paramref name="source"/> (an <c>obs://</c>, <c>s3://</c> or <c>/bucket/key</c> path) that serves it
    /// resized to <paramref name="resize"/> when that is given, or null when the path is not in a configured bucket.
    /// </summary>
    /// <param name="origin">Scheme, host and base path under which this server was reached, for links it serves itself.</param>
    string? Create(string source, FitInside? resize, Uri origin);
}

using System.Globalization;
using System.Text;
using Refinery.Domain;
using Refinery.Imaging.Thumbnails;
using Refinery.Storage;

namespace Refinery.Api.SignedLinks;

/// <summary>
/// Presigned URLs straight to the S3 server for plain reads from S3 buckets; links to this server's own
/// <c>/signed</c> route for local buckets and for any resized read, since only Refinery resizes.
/// </summary>
public sealed class SignedUrlFactory(BucketRouter buckets, SignedLinkSigner signer, TimeSpan lifetime, TimeProvider clock) : ISignedUrlFactory
{
    public string? Create(string source, FitInside? resize, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ObjectPath path;
        try
        {
            path = StoragePathParser.Parse("source", source);
        }
        catch (ModelArtsException)
        {
            return null;
        }

        if (!buckets.HasBucket(path.Bucket) || path.Key.Length == 0)
        {
            return null;
        }

        if (resize is null && buckets.StoreOf(path.Bucket) is IPresignedReadStore presigning)
        {
            return presigning.GetPresignedReadUrl(path, lifetime);
        }

        var expires = (clock.GetUtcNow() + lifetime).ToUnixTimeSeconds();
        var process = resize is null ? null : ProcessParameter.Format(resize);
        var link = new StringBuilder(origin.GetLeftPart(UriPartial.Path).TrimEnd('/'))
            .Append(SignedLinkQuery.RoutePrefix).Append('/').Append(Uri.EscapeDataString(path.Bucket));
        foreach (var segment in path.Key.Split('/'))
        {
            link.Append('/').Append(Uri.EscapeDataString(segment));
        }

        link.Append('?').Append(SignedLinkQuery.Expires).Append('=').Append(expires.ToString(CultureInfo.InvariantCulture))
            .Append('&').Append(SignedLinkQuery.Signature).Append('=').Append(signer.Sign(path.Bucket, path.Key, expires, process));
        if (process is not null)
        {
            link.Append('&').Append(SignedLinkQuery.Process).Append('=').Append(Uri.EscapeDataString(process));
        }

        return link.ToString();
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using Refinery.Domain;
using Refinery.Imaging;
using Refinery.Imaging.Thumbnails;
using Refinery.Storage;

namespace Refinery.Api.SignedLinks;

/// <summary>
/// <c>GET /signed/{bucket}/{**key}</c>: serves one object, resized when the link says so, to anyone holding a link
/// that is signed and not expired (403 otherwise; 404 when the object has gone). Every read goes through the
/// bucket router, so a link never reaches outside the configured buckets.
/// </summary>
public static class SignedLinkEndpoints
{
    private const string DefaultContentType = "application/octet-stream";
    private static readonly FileExtensionContentTypeProvider _contentTypes = new();

    public static IEndpointRouteBuilder MapSignedLinks(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(SignedLinkQuery.RoutePrefix + "/{bucket}/{**key}", OpenAsync);
        return routes;
    }

    private static async Task<Results<FileStreamHttpResult, FileContentHttpResult>> OpenAsync(
        HttpContext context, string bucket, string? key, SignedLinkSigner signer, BucketRouter buckets, TimeProvider clock,
        ThumbnailRenderer renderer, ThumbnailGate thumbnails, CancellationToken cancellationToken)
    {
        // A link always names a key; without one (or with one that dot segments erased) nothing was signed.
        key ??= "";
        var query = context.Request.Query;
        var process = query[SignedLinkQuery.Process].Count > 0 ? query[SignedLinkQuery.Process].ToString() : null;
        if (!long.TryParse(query[SignedLinkQuery.Expires], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            throw ModelArtsErrors.SignedLinkRefused($"'{SignedLinkQuery.Expires}' must be Unix time in seconds");
        }

        // Checked before anything is looked up, so an unsigned request learns nothing about what exists.
        if (!signer.Verify(bucket, key, expires, process, query[SignedLinkQuery.Signature].ToString()))
        {
            throw ModelArtsErrors.SignedLinkRefused("its signature does not match its bucket, key, expiry and processing");
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            throw ModelArtsErrors.SignedLinkRefused(
                $"it expired at {DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd'T'HH:mm:ss'Z'}; ask for the results again for a fresh one");
        }

        var uri = $"obs://{bucket}/{key}";
        var path = ObjectPathOf(buckets, bucket, key, uri);
        var resize = ProcessParameter.Parse(SignedLinkQuery.Process, process);
        try
        {
            if (resize is null)
            {
                var stream = await buckets.OpenReadAsync(path, cancellationToken);
                return TypedResults.Stream(stream, ContentTypeOf(path.Key));
            }

            Thumbnail thumbnail;
            using (await thumbnails.EnterAsync(cancellationToken))
            {
                thumbnail = await RenderAsync(buckets, renderer, path, resize, cancellationToken);
            }

            return TypedResults.File(thumbnail.Data, ContentTypeOf(thumbnail.Format, path.Key));
        }
        catch (ObjectNotFoundException)
        {
            throw ModelArtsErrors.PathMissing(uri, StatusCodes.Status404NotFound);
        }
    }

    private static ObjectPath ObjectPathOf(BucketRouter buckets, string bucket, string key, string uri)
    {
        try
        {
            var path = StoragePathParser.Parse("key", $"/{bucket}/{key}");
            if (path.Key.Length > 0 && buckets.HasBucket(path.Bucket))
            {
                return path;
            }
        }
        catch (ModelArtsException)
        {
            // Only this server signs links and it signs only valid paths; nothing to add to the 404 below.
        }

        // A bucket dropped from the configuration since the link was made, or a key that names no object.
        throw ModelArtsErrors.PathMissing(uri, StatusCodes.Status404NotFound);
    }

    private static async Task<Thumbnail> RenderAsync(
        BucketRouter buckets, ThumbnailRenderer renderer, ObjectPath path, FitInside resize, CancellationToken cancellationToken)
    {
        byte[] data;
        await using (var stream = await buckets.OpenReadAsync(path, cancellationToken))
        {
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                if (copy.Length + read > renderer.MaxSourceBytes)
                {
                    throw ModelArtsErrors.InvalidArgument(
                        SignedLinkQuery.Process, $"{path.ToUri()} is larger than {renderer.MaxSourceBytes} bytes, too large to resize");
                }

                copy.Write(buffer, 0, read);
            }

            data = copy.ToArray();
        }

        var (thumbnail, failure) = await renderer.RenderAsync(data, resize, cancellationToken);
        return thumbnail ?? throw ModelArtsErrors.InvalidArgument(SignedLinkQuery.Process, $"{path.ToUri()} cannot be resized: {failure}");
    }

    private static string ContentTypeOf(string key) =>
        _contentTypes.TryGetContentType(key, out var contentType) ? contentType : DefaultContentType;

    private static string ContentTypeOf(ImageFormat format, string key) => format switch
    {
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Png => "image/png",
        ImageFormat.Bmp => "image/bmp",
        ImageFormat.Gif => "image/gif",
        ImageFormat.Webp => "image/webp",
        ImageFormat.Tiff => "image/tiff",
        _ => ContentTypeOf(key),
    };
}

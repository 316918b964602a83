using System.Runtime.CompilerServices;
using Refinery.Domain;
using Refinery.Formats.Folders;
using Refinery.Storage;

namespace Refinery.Operators.Pipeline;

/// <summary>
/// A folder of reference images an operator reads from storage besides its inputs (PCC's prototypes and criticisms).
/// It is confined as inputs are (a configured bucket, no key or symbolic link leading outside it) and checked when the
/// task or version is created, so a missing or empty folder is a 400 naming <paramref name="Parameter"/>, never a
/// failed run later.
/// </summary>
/// <param name="Parameter">The request field that named it (<c>params.prototype_sample_path</c>).</param>
/// <param name="Path">The folder; its JPEG, PNG and BMP files are the references, subfolders included.</param>
public sealed record ReferenceFolder(string Parameter, ObjectPath Path)
{
    /// <summary>The folder's JPEG, PNG and BMP files in the store's listing order; other files are ignored.</summary>
    public async IAsyncEnumerable<ObjectPath> ListImagesAsync(IObjectStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in store.ListAsync(Path, cancellationToken))
        {
            if (ImageFileTypes.IsSupported(item.Path.Key))
            {
                yield return item.Path;
            }
        }
    }

    /// <summary>Throws a 400 naming the parameter when the folder holds no JPEG, PNG or BMP file, or leads outside its bucket.</summary>
    public async Task RequireImagesAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        bool any;
        try
        {
            any = await ListImagesAsync(store, cancellationToken).AnyAsync(cancellationToken);
        }
        catch (ModelArtsException refused) when (refused.HttpStatus == 400)
        {
            throw ModelArtsErrors.InvalidArgument(Parameter, refused.Message);
        }

        if (!any)
        {
            throw ModelArtsErrors.InvalidArgument(Parameter, $"{Path.ToUri()} holds no JPG, JPEG, PNG or BMP image");
        }
    }
}

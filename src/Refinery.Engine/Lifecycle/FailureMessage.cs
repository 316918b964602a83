using Refinery.Domain;
using Refinery.Formats.Manifests;
using Refinery.Storage;
using Refinery.Storage.S3;

namespace Refinery.Engine.Lifecycle;

/// <summary>
/// What a user reads in a failed version's <c>error_msg</c>. Only exceptions whose messages are written for users
/// (ModelArts errors, a missing object, a store that cannot be reached, a bad manifest line: each names OBS paths or
/// the endpoint, never a server path) are passed on; anything else (file-system, database or runtime exceptions, whose
/// text carries absolute paths and type names) becomes one plain sentence, and its detail goes to the log.
/// </summary>
public static class FailureMessage
{
    /// <summary>The sentence for an unexpected failure; the log has the exception under the version id.</summary>
    public const string Internal = "an internal error occurred; the service log has the details under this version's id";

    /// <summary>"The version failed while {stage}: {reason}".</summary>
    public static string For(string stage, Exception exception) => $"The version failed while {stage}: {ReasonOf(exception)}";

    /// <summary>The user-facing reason for <paramref name="exception"/>.</summary>
    public static string ReasonOf(Exception exception) => exception switch
    {
        ModelArtsException or ObjectNotFoundException or S3StoreException or ManifestFormatException => exception.Message,
        _ => Internal,
    };
}

namespace Refinery.Storage;

/// <summary>A store whose objects can be fetched straight from its server through time-limited presigned URLs.</summary>
public interface IPresignedReadStore : IObjectStore
{
    /// <summary>A URL that lets anyone holding it GET the object for <paramref name="lifetime"/>, without credentials.</summary>
    string GetPresignedReadUrl(ObjectPath path, TimeSpan lifetime);
}

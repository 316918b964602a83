namespace Refinery.Storage.S3;

/// <summary>An S3 request failed; the message names the operation, the object, the remote bucket and the endpoint.</summary>
public sealed class S3StoreException : Exception
{
    public S3StoreException()
    {
    }

    public S3StoreException(string message)
        : base(message)
    {
    }

    public S3StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

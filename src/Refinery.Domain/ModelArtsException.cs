namespace Refinery.Domain;

/// <summary>An error the API reports as a ModelArts error body: <c>{"error_code", "error_msg"}</c> with an HTTP status.</summary>
public sealed class ModelArtsException(int httpStatus, string errorCode, string message) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    public string ErrorCode { get; } = errorCode;
}

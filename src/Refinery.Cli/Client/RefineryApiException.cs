namespace Refinery.Cli.Client;

/// <summary>The server refused a request with a ModelArts error body (or an answer that is not one).</summary>
public sealed class RefineryApiException(int httpStatus, string errorCode, string errorMsg) : Exception($"{errorCode}: {errorMsg}")
{
    public int HttpStatus { get; } = httpStatus;

    public string ErrorCode { get; } = errorCode;

    public string ErrorMsg { get; } = errorMsg;
}

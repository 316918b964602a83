namespace Refinery.Api.Authentication;

/// <summary>A refused AK/SK signature and the API Gateway error to answer with.</summary>
/// <param name="Reason">Why the request was refused, for logs and tests.</param>
/// <param name="HttpStatus">The HTTP status to answer.</param>
/// <param name="ErrorCode">The <c>error_code</c> to answer (<c>APIGW.0301</c>).</param>
/// <param name="ErrorMessage">The <c>error_msg</c> to answer; it never reveals the secret key or the expected signature.</param>
public sealed record SignatureFailure(SignatureFailureReason Reason, int HttpStatus, string ErrorCode, string ErrorMessage);

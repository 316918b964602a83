using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class SignableRequestTests
{
    [Fact]
    public void A_request_target_splits_at_its_first_question_mark_only()
    {
        var request = SignableRequest.FromRequestTarget("GET", "/v2/p/processor-tasks??a=b?c", new RequestHeaderMap(), bodyHash: null);

        Assert.Equal("/v2/p/processor-tasks", request.RawPath);
        Assert.Equal("?a=b?c", request.RawQuery);
    }

    [Fact]
    public void A_request_target_without_a_query_has_an_empty_query()
    {
        var request = SignableRequest.FromRequestTarget("GET", "/v2/p/processor-tasks", new RequestHeaderMap(), bodyHash: null);

        Assert.Equal(string.Empty, request.RawQuery);
    }
}

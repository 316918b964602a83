using System.Text;
using Refinery.Api.Authentication;

namespace Refinery.Api.Tests.Authentication;

public sealed class SdkHmacSha256CanonicalizerTests
{
    [Fact]
    public void Vector_A_canonical_request_matches_the_signing_guide_line_for_line()
    {
        var canonical = SdkHmacSha256Canonicalizer.CanonicalRequest(
            SigningVectors.RequestA(), SigningVectors.SignedHeadersA);

        Assert.Equal(
            """
            GET
            /v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/
            limit=2&marker=13551d6b-755d-4757-b956-536f674975c0
            content-type:application/json
            host:service.region.example.com
            x-sdk-date:20191115T033655Z

            content-type;host;x-sdk-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """.ReplaceLineEndings("\n"),
            canonical);
    }

    [Fact]
    public void Vector_B_body_hash_is_the_sha256_of_the_exact_body_bytes()
    {
        Assert.Equal(
            "73c4095db0f649d73c776d567b24bfc8d32edd843b1e5f7246e04463f3422d21",
            SdkHmacSha256Canonicalizer.BodyHash(Encoding.UTF8.GetBytes(SigningVectors.BodyB)));
    }

    [Fact]
    public void Vector_C_canonical_query_sorts_by_name_and_keeps_escapes_upper_case()
    {
        Assert.Equal(
            "limit=10&offset=0&task_name=my%20task&task_type=sys_data_analyse&version_id=v1%2Cv2",
            SdkHmacSha256Canonicalizer.CanonicalQueryString(SigningVectors.RequestC().RawQuery));
    }

    [Theory]
    [InlineData("/v2/p/processor-tasks", "/v2/p/processor-tasks/")]
    [InlineData("/v2/p/processor-tasks/", "/v2/p/processor-tasks/")]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    public void Canonical_uri_always_ends_with_a_slash(string rawPath, string expected) =>
        Assert.Equal(expected, SdkHmacSha256Canonicalizer.CanonicalUri(rawPath));

    [Theory]
    [InlineData("/a%7eb/c%2cd", "/a~b/c%2Cd/")]
    [InlineData("/a~b/c,d", "/a~b/c%2Cd/")]
    [InlineData("/a%7Eb/c%2Cd", "/a~b/c%2Cd/")]
    public void Canonical_uri_is_the_same_for_every_spelling_of_one_path(string rawPath, string expected) =>
        Assert.Equal(expected, SdkHmacSha256Canonicalizer.CanonicalUri(rawPath));

    [Fact]
    public void Canonical_uri_encodes_utf8_bytes_and_reserved_characters_of_each_segment()
    {
        Assert.Equal(
            "/caf%C3%A9/a%20b%2Bc%21/%E6%97%A5/",
            SdkHmacSha256Canonicalizer.CanonicalUri("/caf%C3%A9/a%20b+c!/日"));
    }

    [Fact]
    public void Canonical_uri_keeps_an_escaped_slash_inside_its_segment()
    {
        Assert.Equal("/a%2Fb/", SdkHmacSha256Canonicalizer.CanonicalUri("/a%2fb"));
    }

    [Fact]
    public void Canonical_uri_keeps_a_percent_sign_that_starts_no_escape()
    {
        Assert.Equal("/100%25/x%25zz/", SdkHmacSha256Canonicalizer.CanonicalUri("/100%/x%zz"));
    }

    [Fact]
    public void Canonical_query_keeps_the_equals_sign_of_an_empty_or_missing_value()
    {
        Assert.Equal("a=&b=", SdkHmacSha256Canonicalizer.CanonicalQueryString("b&a="));
    }

    [Fact]
    public void Canonical_query_reads_plus_as_a_space_and_writes_a_space_as_percent_20()
    {
        Assert.Equal("q=a%20b%20c%2Bd", SdkHmacSha256Canonicalizer.CanonicalQueryString("q=a+b%20c%2Bd"));
    }

    [Fact]
    public void Canonical_query_sorts_upper_case_names_first_and_repeated_names_by_value_in_byte_order()
    {
        Assert.Equal("B=1&a=1&a=10&a=2", SdkHmacSha256Canonicalizer.CanonicalQueryString("a=2&a=10&a=1&B=1"));
    }

    [Fact]
    public void Canonical_query_treats_a_leading_question_mark_as_part_of_the_first_name()
    {
        Assert.Equal("%3Fa=b", SdkHmacSha256Canonicalizer.CanonicalQueryString("?a=b"));
    }

    [Fact]
    public void Canonical_query_is_empty_without_a_query()
    {
        Assert.Equal(string.Empty, SdkHmacSha256Canonicalizer.CanonicalQueryString(string.Empty));
    }

    [Fact]
    public void Canonical_headers_lower_case_the_names_trim_the_values_and_sort_by_name()
    {
        var headers = new RequestHeaderMap { { "X-Sdk-Date", " 20240102T030405Z " }, { "HOST", "h" } };

        Assert.Equal(
            "host:h\nx-sdk-date:20240102T030405Z\n",
            SdkHmacSha256Canonicalizer.CanonicalHeaders(headers, ["X-Sdk-Date", "Host"]));
    }

    [Fact]
    public void Declared_content_sha256_replaces_the_body_hash()
    {
        var headers = new RequestHeaderMap { { "X-Sdk-Content-Sha256", "UNSIGNED-PAYLOAD" } };

        Assert.Equal("UNSIGNED-PAYLOAD", SdkHmacSha256Canonicalizer.PayloadHash(headers, SdkHmacSha256Canonicalizer.BodyHash("{}"u8)));
    }

    [Fact]
    public void Empty_body_hashes_to_the_sha256_of_nothing()
    {
        Assert.Equal(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            SdkHmacSha256Canonicalizer.BodyHash([]));
    }
}

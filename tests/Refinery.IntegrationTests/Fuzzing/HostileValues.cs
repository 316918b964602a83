namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>The values the fuzzer puts where ids, query parameters and JSON values belong.</summary>
public static class HostileValues
{
    /// <summary>Path segments as they go on the wire (already percent-encoded where that is the point).</summary>
    public static readonly string[] PathSegments =
    [
        "..", "%2e%2e", "%252e%252e", "..%2f..%2fetc", "..%5c..%5c", "a%2Fb", "%00", "a%00b", "%ZZ", "%", "%C3%28", "%FF",
        new('a', 3000), "%EF%BC%8E%EF%BC%8E", "%E2%80%A4%E2%80%A4", "%F0%9F%98%80", "-1", "0", "99999999999999999999999",
        "null", "%20", "task%3Fx%3D1", "'%20OR%201%3D1%20--", "items", "versions", ".", "~", "CON", "%2F%2F",
    ];

    /// <summary>Raw query values; the generator percent-encodes them.</summary>
    public static readonly string[] QueryValues =
    [
        "", "-1", "0", "1", "100", "101", "1000", "2147483647", "2147483648", "-2147483649", "99999999999999999999999",
        "1.5", "1e9", "0x10", " 1", "abc", "true", "TRUE", "yes", "asc", "desc", "name", "create_time", "dataset_name",
        "OBS", "TASK", "sys_data_validation", "\0", "é", "日本", "😀", "\ud800", "%", "%ZZ", "'; DROP TABLE tasks; --",
        "a,b,,c", "image/resize,m_lfit,h_100", "image/resize,m_lfit,h_999999999999", "image/resize,m_lfit,w_-1",
        "image/resize", new('x', 2000), "../..", "obs://imgs/../..", "%_", "[]", "{}",
    ];

    /// <summary>Raw JSON texts put in place of a value of a valid body.</summary>
    public static readonly string[] JsonValues =
    [
        "1", "-1", "0", "1.5", "1e309", "-1e309", "99999999999999999999999999", new('9', 400), "true", "false", "null",
        "\"\"", "\"x\"", "[]", "{}", "[1,\"a\",null]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"",
        "\"😀\"", "\"../../etc/passwd\"", "\"obs://imgs/../../\"", "\"obs://other-bucket/..\"", "\"/imgs/%2e%2e/\"",
        "\"..\\\\..\\\\\"", "\"\\u0000obs://imgs/x\"", "\"" + new string('x', 300_000) + "\"",
        Nested(31), Nested(32), Nested(33), Nested(2000), "[" + string.Concat(Enumerable.Repeat("1,", 100_000)) + "1]",
    ];

    /// <summary>Headers: the credential (valid, missing, wrong, another project's, malformed) and the content type.</summary>
    public static readonly string?[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain",
        "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/xml", "*/*", ";;;", null,
    ];

    public static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FUZZ"];

    private static string Nested(int depth) => new string('[', depth) + "1" + new string(']', depth);
}

using System.Web;
using FsCheck;
using FsCheck.Fluent;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>
/// Generates requests to every route with mutated methods, ids, query parameters, headers and bodies; most stay
/// close to valid so that they get past the first check and reach the code behind it.
/// </summary>
public static class RequestGenerator
{
    private static readonly string[] _commonQueryKeys = ["offset", "limit", "order", "sort_by", "status", "workspace_id", "x", ""];

    private static readonly string[] _unknownRoutes =
    [
        "/", "/v2", "/v2/", "/v2/{project}", "/v3/auth/tokens", "/signed", "/signed/imgs", "/console", "/metrics",
        "/v2/{project}/processor-tasks/{task}/versions/{version}/results/extra", "/v2/{project}/datasets/{dataset}/versions/{dataset_version}/x",
        "/v1/{project}/processor-tasks", "/v2/{project}/processor-tasks//versions",
    ];

    public static Gen<FuzzRequest> Requests(FuzzTargets targets) =>
        Gen.Frequency(
            (16, ApiRequests(targets)),
            (3, SignedLinkRequests(targets)),
            (1, UnknownRouteRequests(targets)));

    private static Gen<FuzzRequest> ApiRequests(FuzzTargets targets) =>
        from route in Gen.Elements<FuzzRoute>(ApiRoutes.All)
        from method in Gen.Frequency((9, Gen.Constant(route.Method)), (1, Gen.Elements(HostileValues.Methods)))
        from mutated in Gen.Frequency((7, Gen.Constant<string?>(null)), (3, Gen.Elements<string?>([.. route.Placeholders])))
        from hostile in Gen.Elements(HostileValues.PathSegments)
        from query in Query([.. route.QueryKeys, .. _commonQueryKeys])
        from headers in Headers(targets)
        from contentType in Gen.Frequency((8, Gen.Constant<string?>("application/json")), (2, Gen.Elements(HostileValues.ContentTypes)))
        from body in route.ValidBody is { } valid
            ? Gen.Frequency((2, Gen.Constant<byte[]?>(System.Text.Encoding.UTF8.GetBytes(valid(0)))), (10, BodyMutations.Of(valid).Select(bytes => (byte[]?)bytes)), (1, Gen.Constant<byte[]?>(null)))
            : Gen.Frequency((9, Gen.Constant<byte[]?>(null)), (1, BodyMutations.Of(_ => """{"a":1}""").Select(bytes => (byte[]?)bytes)))
        select new FuzzRequest(method, route.Fill(targets.Ids, mutated, hostile) + query, headers, body, contentType);

    private static Gen<FuzzRequest> SignedLinkRequests(FuzzTargets targets)
    {
        var link = targets.Objects.SignedLink;
        var parameters = HttpUtility.ParseQueryString(link.Query);
        var segments = link.AbsolutePath.Split('/');
        return
            from segment in Gen.Choose(2, segments.Length - 1) // bucket or any part of the key
            from replaceSegment in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
            from hostile in Gen.Elements(HostileValues.PathSegments)
            from parameter in Gen.Elements("expires", "signature", "process", "none")
            from drop in Gen.Elements(true, false)
            from value in Gen.Elements(HostileValues.QueryValues)
            from method in Gen.Frequency((9, Gen.Constant("GET")), (1, Gen.Elements(HostileValues.Methods)))
            select new FuzzRequest(
                method,
                string.Join('/', segments.Select((part, index) => replaceSegment && index == segment ? hostile : part))
                    + "?" + string.Join('&', new[] { "expires", "signature", "process" }
                        .Where(name => parameters[name] is not null || name == parameter)
                        .Where(name => !(drop && name == parameter))
                        .Select(name => $"{name}={Uri.EscapeDataString(name == parameter ? value : parameters[name]!)}")),
                [],
                null,
                null);
    }

    private static Gen<FuzzRequest> UnknownRouteRequests(FuzzTargets targets) =>
        from template in Gen.Elements(_unknownRoutes)
        from method in Gen.Elements(HostileValues.Methods)
        from headers in Headers(targets)
        select new FuzzRequest(method, new FuzzRoute(method, template, []).Fill(targets.Ids, null, ""), headers, null, null);

    private static Gen<string> Query(string[] keys) =>
        from count in Gen.Frequency((3, Gen.Constant(0)), (6, Gen.Choose(1, 3)), (1, Gen.Choose(4, 12)))
        from pairs in (
            from key in Gen.Frequency((9, Gen.Elements(keys)), (1, Gen.Elements(HostileValues.QueryValues)))
            from value in Gen.Elements(HostileValues.QueryValues)
            select $"{Uri.EscapeDataString(key)}={EscapeQueryValue(value)}").ArrayOf(count)
        select pairs.Length == 0 ? "" : "?" + string.Join('&', pairs);

    /// <summary>Percent-encodes a value, except those meant to reach the server as broken escapes or broken UTF-8.</summary>
    private static string EscapeQueryValue(string value) => value switch
    {
        "%" or "%ZZ" or "%_" => value,
        "\ud800" => "%ED%A0%80",
        _ => Uri.EscapeDataString(value),
    };

    private static Gen<IReadOnlyList<KeyValuePair<string, string>>> Headers(FuzzTargets targets) =>
        Gen.Frequency<IReadOnlyList<KeyValuePair<string, string>>>(
            (12, Gen.Constant(Header(("X-Auth-Token", targets.Token)))),
            (1, Gen.Constant(Header())),
            (1, Gen.Constant(Header(("X-Auth-Token", "not-a-token")))),
            (1, Gen.Constant(Header(("X-Auth-Token", targets.OtherToken)))),
            (1, Gen.Constant(Header(("X-Auth-Token", new string('t', 8000))))),
            (1, Gen.Constant(Header(("X-Auth-Token", targets.Token), ("X-Project-Id", targets.OtherProjectId)))),
            (1, Gen.Constant(Header(("Authorization", "SDK-HMAC-SHA256 garbage")))),
            (1, Gen.Constant(Header(
                ("Authorization", "SDK-HMAC-SHA256 Access=AAAAAAAAAAAAAAAAAAAA, SignedHeaders=host;x-sdk-date, Signature=00"),
                ("X-Sdk-Date", "20991231T235959Z")))),
            (1, Gen.Constant(Header(("Authorization", "SDK-HMAC-SHA256 Access=, SignedHeaders=, Signature=="), ("X-Sdk-Date", "not a date")))));

    private static IReadOnlyList<KeyValuePair<string, string>> Header(params (string Name, string Value)[] headers) =>
        [.. headers.Select(header => KeyValuePair.Create(header.Name, header.Value))];
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Refinery.Bench.Api;

/// <summary>
/// The baseline: Kestrel plus one route with the real endpoint's template, answering every request with the same
/// captured response bytes. What is left between the two is catalog, mapping and the API's middleware.
/// </summary>
public static class BareEndpoint
{
    public static async Task<WebApplication> StartAsync(byte[] body, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/v2/{project_id}/processor-tasks/{task_id}", () => Results.Bytes(body, "application/json"));
        await app.StartAsync(cancellationToken);
        return app;
    }
}

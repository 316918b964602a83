using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Refinery.Api.Hosting;
using Refinery.Api.WebConsole.Session;

namespace Refinery.Api.WebConsole;

/// <summary>Adds the web console (Razor pages under <c>/console</c>, its embedded htmx) to the server.</summary>
public static class ConsoleComposition
{
    public static IServiceCollection AddRefineryConsole(this IServiceCollection services, RefineryOptions options)
    {
        // The pages are compiled into this assembly; the host's entry assembly (refinery, a test runner) has none.
        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new AntiforgeryFailureFilter()))
            .AddApplicationPart(typeof(ConsoleComposition).Assembly);
        // Keys for the sign-in cookie and the forms' antiforgery tokens, kept in the owner-only data directory so a
        // restart does not sign everyone out. They protect short-lived browser state, not data at rest.
        services.AddDataProtection()
            .SetApplicationName("refinery")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectory, "console-keys")));
        // Without an XML encryptor the key ring warns at every start; the directory's mode 0700 is the protection.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error));
        services.AddSingleton<ConsoleSessionCookie>();
        return services;
    }

    public static WebApplication MapRefineryConsole(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(ConsoleComposition).Assembly, "Refinery.Api.wwwroot.console"),
            RequestPath = ConsoleRoutes.Assets,
        });
        // HTML pages for people, not operations of the API: the OpenAPI description leaves them out.
        app.MapRazorPages().ExcludeFromDescription();
        return app;
    }
}

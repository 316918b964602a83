using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Credentials;

/// <summary>
/// A command that makes one credential for a project straight in the catalog, as <c>refinery project create</c> does:
/// opens the data directory without serving, resolves <c>--project</c>, and turns a broken rule into its reason and exit code 1.
/// </summary>
public abstract class ProjectCredentialCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : ProjectCredentialSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var services = await settings.OpenAdministrationAsync(cancellationToken);
        await using (services)
        {
            try
            {
                var projectId = await settings.ResolveProjectIdAsync(services, cancellationToken);
                await CreateAsync(services, projectId, settings, cancellationToken);
                return 0;
            }
            catch (ArgumentException error)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{error.Message}[/]");
                return 1;
            }
        }
    }

    /// <summary>Makes the credential and prints it; throws <see cref="ArgumentException"/> naming the rule an input breaks.</summary>
    protected abstract Task CreateAsync(IServiceProvider services, string projectId, TSettings settings, CancellationToken cancellationToken);
}

using Refinery.Cli.Client;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands;

/// <summary>
/// A command that talks to a server: resolves the connection, runs, and turns every refusal into one line on
/// standard error — the ModelArts <c>error_code: error_msg</c> — and exit code <see cref="ExitCodes.Refused"/>.
/// </summary>
public abstract class ClientCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : ConnectionSettings
{
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        Connection connection;
        try
        {
            connection = settings.ResolveConnection();
        }
        catch (CommandInputException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return ExitCodes.Refused;
        }

        using var client = new RefineryClient(connection);
        try
        {
            return await RunAsync(client, settings, cancellationToken);
        }
        catch (RefineryApiException error)
        {
            await Console.Error.WriteLineAsync($"{error.ErrorCode}: {error.ErrorMsg}");
            return ExitCodes.Refused;
        }
        catch (HttpRequestException error)
        {
            await Console.Error.WriteLineAsync($"Cannot reach {connection.Endpoint}: {error.Message}");
            return ExitCodes.Refused;
        }
        catch (CommandInputException error)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return ExitCodes.Refused;
        }
    }

    protected abstract Task<int> RunAsync(RefineryClient client, TSettings settings, CancellationToken cancellationToken);
}

using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Refinery.Api.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Refinery.Cli.Commands.Credentials;

/// <summary>
/// <c>refinery credentials user create</c>: a user who signs in with a password at <c>POST /v3/auth/tokens</c> for
/// 24-hour tokens of the project. The password is read from standard input or asked for, never taken as an argument,
/// where every user of the machine could read it in the process list.
/// </summary>
public sealed class CreateUserCommand : ProjectCredentialCommand<CreateUserCommand.Settings>
{
    public sealed class Settings : ProjectCredentialSettings
    {
        [CommandOption("--name <NAME>")]
        [Description("The user name: 1-64 letters, digits, '_', '-' and '.', not used by another user.")]
        public string Name { get; init; } = "";

        [CommandOption("--password-stdin")]
        [Description("Read the password from the first line of standard input instead of asking for it.")]
        public bool PasswordFromStandardInput { get; init; }

        public override ValidationResult Validate() =>
            Name.Length > 0 ? ValidationResult.Success() : ValidationResult.Error("--name is required.");
    }

    protected override async Task CreateAsync(IServiceProvider services, string projectId, Settings settings, CancellationToken cancellationToken)
    {
        if (!settings.PasswordFromStandardInput && Console.IsInputRedirected)
        {
            throw new ArgumentException("Standard input is not a terminal, so the password cannot be asked for: add --password-stdin and write it there.");
        }

        var password = settings.PasswordFromStandardInput
            ? await Console.In.ReadLineAsync(cancellationToken) ?? ""
            : await new TextPrompt<string>($"Password for {settings.Name}:").Secret().ShowAsync(AnsiConsole.Console, cancellationToken);
        var user = await services.GetRequiredService<PasswordSignIn>().CreateUserAsync(settings.Name, password, projectId, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"user_id: [bold]{user.UserId}[/]");
        AnsiConsole.MarkupLineInterpolated($"project_id: [bold]{user.ProjectId}[/]");
        AnsiConsole.MarkupLine("Sign in with POST /v3/auth/tokens (password method, this project as scope) for a token valid 24 hours.");
    }
}

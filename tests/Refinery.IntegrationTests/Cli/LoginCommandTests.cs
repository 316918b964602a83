using System.Text.Json.Nodes;
using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Cli;

/// <summary><c>refinery login</c> and the saved config the other client commands fall back to.</summary>
[Collection(ServerCollection.Name)]
public sealed class LoginCommandTests(RefineryInstance server) : IDisposable
{
    private readonly DirectoryInfo _home = Directory.CreateTempSubdirectory("refinery-login-");

    private string ConfigPath => Path.Combine(_home.FullName, ".refinery", "config.json");

    private CliEnvironment OnlyConfig => new(new Dictionary<string, string> { ["REFINERY_CONFIG"] = ConfigPath });

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Login_saves_an_owner_only_config_that_later_commands_use_without_flags()
    {
        var login = await RefineryCli.RunAsync(
            OnlyConfig, "login", "--endpoint", server.BaseAddress.ToString(), "--project-id", server.ProjectId, "--token", server.Token);
        var list = await RefineryCli.RunAsync(OnlyConfig, "tasks", "list", "--json");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(ConfigPath)!));
        var saved = JsonNode.Parse(await File.ReadAllTextAsync(ConfigPath))!;
        Assert.Equal(server.ProjectId, saved["project_id"]!.GetValue<string>());
        Assert.Equal(server.Token, saved["token"]!.GetValue<string>());
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.NotNull(JsonNode.Parse(list.StandardOutput)!["tasks"]);
    }

    [Fact]
    public async Task Login_with_a_wrong_token_is_refused_with_its_code_and_saves_nothing()
    {
        var login = await RefineryCli.RunAsync(
            OnlyConfig, "login", "--endpoint", server.BaseAddress.ToString(), "--project-id", server.ProjectId, "--token", "not-a-token");

        Assert.Equal(1, login.ExitCode);
        Assert.Contains("ModelArts.4201", login.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(ConfigPath));
    }

    [Fact]
    public async Task Flags_take_precedence_over_the_saved_config()
    {
        var login = await RefineryCli.RunAsync(
            OnlyConfig, "login", "--endpoint", server.BaseAddress.ToString(), "--project-id", server.ProjectId, "--token", server.Token);
        var overridden = await RefineryCli.RunAsync(OnlyConfig, "tasks", "list", "--token", "not-a-token");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal(1, overridden.ExitCode);
        Assert.Contains("ModelArts.4201", overridden.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _home.Delete(recursive: true);
}

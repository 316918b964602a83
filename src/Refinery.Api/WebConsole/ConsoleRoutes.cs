namespace Refinery.Api.WebConsole;

/// <summary>The console's addresses, in one place for the pages, their links and the cookie's path.</summary>
public static class ConsoleRoutes
{
    public const string Root = "/console";
    public const string SignIn = Root + "/sign-in";
    public const string NewTask = Root + "/tasks/new";
    public const string Assets = Root + "/assets";

    public static string Task(string taskId) => $"{Root}/tasks/{Uri.EscapeDataString(taskId)}";

    public static string Results(string taskId, string versionId) => $"{Task(taskId)}/versions/{Uri.EscapeDataString(versionId)}/results";
}

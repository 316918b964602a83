namespace Refinery.Api.WebConsole.Session;

/// <summary>Who is signed in to the console: the project and the token that was checked against it.</summary>
public sealed record ConsoleSession(string ProjectId, string Token);

namespace Refinery.Cli.Client;

/// <summary>A client command cannot run as given: a connection setting is missing, or a file it reads is unreadable.</summary>
public sealed class CommandInputException(string message) : Exception(message);

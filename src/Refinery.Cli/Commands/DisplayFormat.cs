using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Refinery.Domain;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Refinery.Cli.Commands;

/// <summary>How client commands show the server's values to people, and pass its JSON through to scripts.</summary>
public static class DisplayFormat
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the answer as the server sent it, indented, with nothing else on standard output.</summary>
    public static void WriteJson(JsonNode json) => Console.Out.WriteLine(json.ToJsonString(_indented));

    /// <summary>Epoch milliseconds as UTC, to the second; empty when absent.</summary>
    public static string Time(JsonNode? epochMilliseconds) =>
        epochMilliseconds is null
            ? ""
            : DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds.GetValue<long>()).ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A version or task status as its name (0 initialized … 4 stopped).</summary>
    public static string Status(JsonNode? status) =>
        status is null ? "" : ((VersionStatus)status.GetValue<int>()).ToString().ToLowerInvariant();

    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>A table row of plain text: server values are never read as Spectre markup.</summary>
    public static void AddPlainRow(this Table table, params string[] cells) =>
        table.AddRow([.. cells.Select(cell => (IRenderable)new Text(cell))]);

    /// <summary>A grid row of plain text, as <see cref="AddPlainRow(Table, string[])"/>.</summary>
    public static void AddPlainRow(this Grid grid, params string[] cells) =>
        grid.AddRow([.. cells.Select(cell => (IRenderable)new Text(cell))]);

    /// <summary>A version's progress as <c>processed/total</c>; the total is <c>?</c> until planning has counted it.</summary>
    public static string Progress(JsonNode? progress) =>
        progress is null ? "" : $"{DisplayFormat.Text(progress["processed"])}/{(progress["total"] is { } total ? DisplayFormat.Text(total) : "?")}";
}

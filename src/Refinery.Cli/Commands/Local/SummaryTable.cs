using System.Net;
using System.Text;
using Spectre.Console;

namespace Refinery.Cli.Commands.Local;

/// <summary>One table of a local run's summary, printed to the terminal and written into the HTML report from the same rows.</summary>
public sealed record SummaryTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public Table ToConsoleTable()
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(Title)) };
        foreach (var header in Headers)
        {
            table.AddColumn(Markup.Escape(header));
        }

        foreach (var row in Rows)
        {
            table.AddRow([.. row.Select(Markup.Escape)]);
        }

        return table;
    }

    public void AppendHtml(StringBuilder html)
    {
        html.Append("<h2>").Append(WebUtility.HtmlEncode(Title)).Append("</h2><table><thead><tr>");
        foreach (var header in Headers)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }
}

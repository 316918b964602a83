using System.Net;
using System.Text;
using Refinery.Api.WebConsole.Charts;

namespace Refinery.Cli.Commands.Local;

/// <summary>What a local run found: its tables and, for an analysis, the console's histogram charts.</summary>
public sealed record LocalRunReport(string Title, IReadOnlyList<SummaryTable> Tables, IReadOnlyList<FeatureChart> Charts)
{
    /// <summary>A single self-contained HTML file: the charts are inline SVG, there is no script and no link out.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(Title))
            .Append("</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d2330}")
            .Append("table{border-collapse:collapse;margin-bottom:1rem}th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #e3e6eb}")
            .Append("th{background:#eef0f4}.charts{display:flex;flex-wrap:wrap;gap:.8rem}.charts figure{margin:0;border:1px solid #e3e6eb;padding:.4rem}</style>")
            .Append("</head><body><h1>").Append(WebUtility.HtmlEncode(Title)).Append("</h1>");
        foreach (var table in Tables)
        {
            table.AppendHtml(html);
        }

        if (Charts.Count > 0)
        {
            html.Append("<h2>Feature distributions</h2><div class=\"charts\">");
            foreach (var chart in Charts)
            {
                html.Append("<figure data-feature=\"").Append(WebUtility.HtmlEncode(chart.FeatureId)).Append("\">").Append(chart.Svg).Append("</figure>");
            }

            html.Append("</div>");
        }

        return html.Append("</body></html>").ToString();
    }
}

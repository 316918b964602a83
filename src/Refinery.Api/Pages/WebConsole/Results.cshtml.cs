using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Refinery.Api.SignedLinks;
using Refinery.Api.WebConsole;
using Refinery.Catalog.Records;
using Refinery.Engine.Tasks;
using Refinery.Imaging.Analysis;
using Refinery.Imaging.Thumbnails;

namespace Refinery.Api.Pages.WebConsole;

/// <summary>
/// A finished version's results as a gallery of thumbnails, filtered by result property and quality issue, a page at
/// a time. Thumbnails are the API's own signed resize links, so the gallery shows exactly what the results endpoint serves.
/// </summary>
public sealed class ResultsModel(TaskQueries queries, ISignedUrlFactory links) : ConsolePageModel
{
    public const int PageSize = 24;
    private static readonly FitInside _thumbnail = new(200, 160);

    [FromRoute(Name = "taskId")]
    public string TaskId { get; set; } = "";

    [FromRoute(Name = "versionId")]
    public string VersionId { get; set; } = "";

    [BindProperty(Name = "result_property", SupportsGet = true)]
    public int ResultProperty { get; set; } = -1;

    [BindProperty(Name = "issue", SupportsGet = true)]
    public string? Issue { get; set; }

    [BindProperty(Name = "offset", SupportsGet = true)]
    public int Offset { get; set; }

    public string TaskName { get; private set; } = "";

    public string VersionName { get; private set; } = "";

    public int Count { get; private set; }

    public IReadOnlyList<GalleryItem> Items { get; private set; } = [];

    public static IReadOnlyList<string> IssueNames { get; } = [.. QualityChecks.All.Select(check => check.Issue)];

    public string FilterQuery(int offset) =>
        $"result_property={ResultProperty}&issue={Uri.EscapeDataString(Issue ?? "")}&offset={offset}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ResultProperty = ResultProperty is >= -1 and <= 3 ? ResultProperty : -1;
        var check = QualityChecks.All.FirstOrDefault(candidate => candidate.Issue == Issue);
        Issue = check?.Issue;
        Offset = Math.Max(0, Offset);
        TaskName = (await queries.GetTaskAsync(ProjectId, TaskId, cancellationToken)).Task.Name;
        VersionName = (await queries.GetVersionAsync(ProjectId, TaskId, VersionId, cancellationToken)).VersionName;
        var page = await queries.ListResultsAsync(
            ProjectId, TaskId, VersionId, ResultProperty == -1 ? null : ResultProperty, check?.FlagKey, Offset, PageSize, cancellationToken);
        Count = page.Count;
        var origin = new Uri(UriHelper.BuildAbsolute(Request.Scheme, Request.Host, Request.PathBase));
        Items = [.. page.Results.Select(result => ToItem(result, origin))];
    }

    private GalleryItem ToItem(SampleResultRecord result, Uri origin) => new(
        result.OriginSource,
        links.Create(result.OriginSource, _thumbnail, origin),
        result.NewSource,
        result.NewSource is { } output ? links.Create(output, _thumbnail, origin) : null,
        result.ResultProperty,
        ResultDescription.Lines(result.DescriptionJson),
        FlaggedIssues(result.ValuesJson));

    private static List<string> FlaggedIssues(string? valuesJson)
    {
        if (valuesJson is null)
        {
            return [];
        }

        using var values = JsonDocument.Parse(valuesJson);
        return
        [
            .. QualityChecks.All
                .Where(check => values.RootElement.TryGetProperty(check.FlagKey, out var flag) && flag.ValueKind == JsonValueKind.True)
                .Select(check => check.Issue),
        ];
    }
}

using Refinery.IntegrationTests.Infrastructure;

namespace Refinery.IntegrationTests.Fuzzing;

/// <summary>What the fuzzer aims at: a project with one of everything, its token, and another project's token.</summary>
public sealed record FuzzTargets(string ProjectId, string Token, string OtherProjectId, string OtherToken, ProjectObjects Objects)
{
    public IReadOnlyDictionary<string, string> Ids => new Dictionary<string, string>
    {
        ["project"] = ProjectId,
        ["task"] = Objects.TaskId,
        ["version"] = Objects.VersionId,
        ["dataset"] = Objects.DatasetId,
        ["dataset_version"] = Objects.DatasetVersionId,
    };
}

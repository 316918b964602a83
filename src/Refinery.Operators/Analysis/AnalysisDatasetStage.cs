using System.Globalization;
using System.Text.Json.Nodes;
using Refinery.Operators.Pipeline;

namespace Refinery.Operators.Analysis;

/// <summary>
/// The dataset stage of <c>sys_data_analyse</c>: the <see cref="AnalysisReducer"/> over the pass's samples; its summary
/// is the version's result, and what it learns of each sample (odd size, duplicate sets) amends that sample's result.
/// Analysis keeps every sample.
/// </summary>
public sealed class AnalysisDatasetStage(AnalysisParams parameters) : IDatasetStage
{
    public async Task<JsonObject?> DecideAsync(
        Func<IAsyncEnumerable<StagedSample>> samples,
        Func<SampleDecision, CancellationToken, ValueTask> decide,
        CancellationToken cancellationToken) =>
        await new AnalysisReducer(parameters).ReduceAsync(
            () => samples().Select(sample => new AnalysedSample(sample.Ordinal.ToString(CultureInfo.InvariantCulture), sample.Values)),
            (amendment, token) =>
            {
                var values = amendment.ToValues();
                var ordinal = long.Parse(amendment.Key, CultureInfo.InvariantCulture);
                return decide(SampleDecision.Amend(ordinal, SampleAmendment.DescribeDatasetIssues(values), values), token);
            },
            cancellationToken);
}

using Refinery.Catalog.Records;

namespace Refinery.Engine.Tasks;

/// <summary>One page of a version's per-sample results, with the total that match the filter.</summary>
public sealed record ResultPage(int Count, IReadOnlyList<SampleResultRecord> Results);

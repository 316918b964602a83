using System.Numerics.Tensors;

namespace Refinery.Operators.Similarity;

/// <summary>
/// Greedy k-center (farthest-point) selection over unit vectors with cosine distance: the first pick is the first
/// row in input order, and each next pick is the row farthest from every pick so far (ties to the earlier row), which
/// covers the data within twice the optimal radius. What it leaves out are the rows nearest to a pick: the most
/// redundant. Costs keep × rows dot products, one pass over the rows per pick, so callers split large sets (RRD runs it
/// per k-means cluster).
/// </summary>
public static class KCenter
{
    public static KCenterSelection Select(EmbeddingMatrix points, int keep, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keep, points.Count);
        var count = points.Count;
        var picks = new int[keep];
        var picked = new bool[count];
        var nearestPick = new int[count];
        var nearestSimilarity = new float[count];
        nearestPick.AsSpan().Fill(-1);
        nearestSimilarity.AsSpan().Fill(float.NegativeInfinity);
        var next = 0;
        for (var pick = 0; pick < keep; pick++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            picks[pick] = next;
            picked[next] = true;
            var centre = points.Row(next);
            var farthest = -1;
            var farthestSimilarity = float.PositiveInfinity;
            for (var row = 0; row < count; row++)
            {
                var similarity = row == next ? 1f : TensorPrimitives.Dot(points.Row(row), centre);
                if (row == next || similarity > nearestSimilarity[row])
                {
                    nearestSimilarity[row] = similarity;
                    nearestPick[row] = next;
                }

                if (!picked[row] && nearestSimilarity[row] < farthestSimilarity)
                {
                    farthestSimilarity = nearestSimilarity[row];
                    farthest = row;
                }
            }

            next = farthest;
        }

        return new KCenterSelection(picks, nearestPick, nearestSimilarity);
    }
}

using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// bbox_overlap as first written (cubic in boxes): for each x-slab of the clipped rectangles, merge the y-intervals
/// that span it. The reference the fast sweep must agree with.
/// </summary>
internal static class SlabMergeOverlap
{
    public static double Overlap(IReadOnlyList<BoxRect> boxes, int index)
    {
        var box = boxes[index];
        if (box.IsDegenerate)
        {
            return 0;
        }

        var clipped = new List<BoxRect>();
        for (var j = 0; j < boxes.Count; j++)
        {
            var other = boxes[j];
            var intersection = new BoxRect(
                Math.Max(box.XMin, other.XMin), Math.Max(box.YMin, other.YMin),
                Math.Min(box.XMax, other.XMax), Math.Min(box.YMax, other.YMax));
            if (j != index && !intersection.IsDegenerate)
            {
                clipped.Add(intersection);
            }
        }

        return clipped.Count == 0 ? 0 : Math.Min(1, UnionArea(clipped) / box.Area);
    }

    private static double UnionArea(List<BoxRect> rectangles)
    {
        var xs = rectangles.SelectMany(r => new[] { r.XMin, r.XMax }).Distinct().Order().ToArray();
        var intervals = new List<(double Start, double End)>();
        var area = 0.0;
        for (var slab = 0; slab + 1 < xs.Length; slab++)
        {
            double left = xs[slab], right = xs[slab + 1];
            intervals.Clear();
            intervals.AddRange(rectangles.Where(r => r.XMin <= left && r.XMax >= right).Select(r => (r.YMin, r.YMax)));
            intervals.Sort();
            var covered = 0.0;
            double runStart = 0, runEnd = 0;
            var isRunOpen = false;
            foreach (var (start, end) in intervals)
            {
                if (isRunOpen && start <= runEnd)
                {
                    runEnd = Math.Max(runEnd, end);
                    continue;
                }

                covered += isRunOpen ? runEnd - runStart : 0;
                (runStart, runEnd, isRunOpen) = (start, end, true);
            }

            covered += isRunOpen ? runEnd - runStart : 0;
            area += covered * (right - left);
        }

        return area;
    }
}

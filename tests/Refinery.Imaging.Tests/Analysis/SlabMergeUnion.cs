using Refinery.Imaging.Analysis;

namespace Refinery.Imaging.Tests.Analysis;

/// <summary>
/// The union area as bbox_overlap first computed it (quadratic per box, cubic per image): for each x-slab of the
/// rectangles, merge the y-intervals that span it. The reference the sweep must agree with.
/// </summary>
internal static class SlabMergeUnion
{
    public static double Area(IReadOnlyList<BoxRect> rectangles)
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

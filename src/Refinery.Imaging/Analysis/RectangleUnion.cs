namespace Refinery.Imaging.Analysis;

/// <summary>
/// The exact area of a union of axis-aligned rectangles by a sweep line over x with a segment tree over the distinct
/// y coordinates: O(k log k) for k rectangles, where merging each x-slab's intervals afresh costs O(k² log k). The
/// slabs and the covered lengths are the same as the slab merge's, so integer coordinates give the same area to the
/// last bit; fractional ones may differ in the last bits of rounding.
/// </summary>
public sealed class RectangleUnion
{
    private readonly double[] _ys;
    private readonly int[] _coverCount;
    private readonly double[] _coveredLength;

    private RectangleUnion(double[] ys)
    {
        _ys = ys;
        var nodes = 4 * Math.Max(1, ys.Length);
        _coverCount = new int[nodes];
        _coveredLength = new double[nodes];
    }

    /// <summary>The area covered by at least one of <paramref name="rectangles"/>, none of them degenerate.</summary>
    public static double Area(IReadOnlyList<BoxRect> rectangles)
    {
        if (rectangles.Count == 0)
        {
            return 0;
        }

        var ys = new double[2 * rectangles.Count];
        var edges = new Edge[2 * rectangles.Count];
        for (var index = 0; index < rectangles.Count; index++)
        {
            var rectangle = rectangles[index];
            ys[2 * index] = rectangle.YMin;
            ys[(2 * index) + 1] = rectangle.YMax;
            edges[2 * index] = new Edge(rectangle.XMin, rectangle.YMin, rectangle.YMax, +1);
            edges[(2 * index) + 1] = new Edge(rectangle.XMax, rectangle.YMin, rectangle.YMax, -1);
        }

        Array.Sort(ys);
        var distinct = 1;
        for (var index = 1; index < ys.Length; index++)
        {
            if (ys[index] != ys[distinct - 1])
            {
                ys[distinct++] = ys[index];
            }
        }

        Array.Sort(edges, static (left, right) => left.X.CompareTo(right.X));
        var union = new RectangleUnion(ys[..distinct]);
        var area = 0.0;
        var slabStart = edges[0].X;
        foreach (var edge in edges)
        {
            if (edge.X != slabStart)
            {
                area += union._coveredLength[1] * (edge.X - slabStart);
                slabStart = edge.X;
            }

            union.Update(1, 0, distinct - 1, Array.BinarySearch(union._ys, edge.YMin), Array.BinarySearch(union._ys, edge.YMax), edge.Delta);
        }

        return area;
    }

    /// <summary>Adds <paramref name="delta"/> to the cover of elementary segments [from, to) within node's [low, high).</summary>
    private void Update(int node, int low, int high, int from, int to, int delta)
    {
        if (to <= low || high <= from)
        {
            return;
        }

        if (from <= low && high <= to)
        {
            _coverCount[node] += delta;
        }
        else
        {
            var middle = (low + high) / 2;
            Update(2 * node, low, middle, from, to, delta);
            Update((2 * node) + 1, middle, high, from, to, delta);
        }

        _coveredLength[node] = _coverCount[node] > 0 ? _ys[high] - _ys[low]
            : high - low == 1 ? 0
            : _coveredLength[2 * node] + _coveredLength[(2 * node) + 1];
    }

    private readonly record struct Edge(double X, double YMin, double YMax, int Delta);
}

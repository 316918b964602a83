using System.Diagnostics;
using Refinery.Operators.Similarity;
using Refinery.TestSupport;

namespace Refinery.Bench.Selection;

/// <summary>
/// De-duplication and selection time on synthetic data with planted near-duplicates (30 % of samples are noisy
/// copies at cosine 0.88–1, or hashes 0–10 bits apart): the median of several runs per size, and how time grows
/// from the second-largest size to the largest (2.0 for linear, 4.0 for quadratic when the size doubles).
/// </summary>
public static class DedupTiming
{
    private const int Dimension = 512;
    private const float Threshold = 0.9f;
    private const double DuplicateFraction = 0.3;

    public static void Run(int[] sizes, int runs)
    {
        Console.WriteLine($"Machine: nproc {Environment.ProcessorCount}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
            + $"SIMD {System.Numerics.Vector<float>.Count * 32}-bit; load average {LoadAverage()} (cores shared with other builds)");
        Console.WriteLine($"Median of {runs} runs; threshold {Threshold}; {DuplicateFraction:P0} planted near-duplicates.");
        foreach (var shape in new[] { SyntheticEmbeddings.Shape.Isotropic, SyntheticEmbeddings.Shape.Cone })
        {
            Report($"embeddings ({shape}, {Dimension}-d, LSH)", sizes, runs, size =>
            {
                var embeddings = new EmbeddingMatrix(
                    SyntheticEmbeddings.WithPlantedDuplicates(size, Dimension, DuplicateFraction, 0.88, shape, seed: size), Dimension);
                return () => Describe(new EmbeddingDuplicateFinder().Find(embeddings, Threshold));
            });
        }

        Report("pHash (64-bit, multi-index hashing)", sizes, runs, size =>
        {
            var hashes = SyntheticHashes.WithPlantedDuplicates(size, DuplicateFraction, maxFlips: 10, seed: size);
            return () => Describe(PerceptualHashDuplicateFinder.Find(hashes, Threshold));
        });

        var largest = sizes.Max();
        Report($"RRD (k-means auto = {RedundancyReduction.AutoClusterCount(largest)} clusters + k-center per cluster, keep 0.9)", [largest], runs, size =>
        {
            var embeddings = new EmbeddingMatrix(
                SyntheticEmbeddings.WithPlantedDuplicates(size, Dimension, DuplicateFraction, 0.88, SyntheticEmbeddings.Shape.Cone, seed: size), Dimension);
            return () => $"kept {RedundancyReduction.Select(embeddings, 0.9, clusterCount: null, seed: 1).KeptCount}";
        });
    }

    /// <param name="prepare">Builds one size's input (not timed) and returns the timed work, which describes its result.</param>
    private static void Report(string title, int[] sizes, int runs, Func<int, Func<string>> prepare)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        var medians = new SortedDictionary<int, double>();
        foreach (var size in sizes)
        {
            var work = prepare(size);
            var seconds = new List<double>();
            var outcome = "";
            for (var run = 0; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                outcome = work();
                seconds.Add(watch.Elapsed.TotalSeconds);
            }

            seconds.Sort();
            medians[size] = seconds[seconds.Count / 2];
            Console.WriteLine($"  N = {size,7:N0}: median {medians[size],7:F2} s (runs {string.Join(" / ", seconds.Select(value => value.ToString("F2")))}); {outcome}; load {LoadAverage()}");
        }

        if (medians.Count >= 2)
        {
            var (small, large) = (medians.Keys.SkipLast(1).Last(), medians.Keys.Last());
            var ratio = medians[large] / medians[small];
            var quadratic = Math.Pow((double)large / small, 2);
            Console.WriteLine($"  growth time({large:N0}) / time({small:N0}) = {ratio:F2} (linear {(double)large / small:F1}, quadratic {quadratic:F1})");
        }
    }

    private static string Describe(DuplicateGrouping grouping) =>
        $"{grouping.SimilarPairCount:N0} similar pairs, {grouping.Groups.Count:N0} groups, {grouping.RemovedCount:N0} removed";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

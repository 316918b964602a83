// Selection benchmarks, one mode per run:
//   embed   ResNet-18 embedding throughput on synthetic 1–2 MP JPEGs, decode excluded and included, 1 and 2 cores.
//   dedup   de-duplication of synthetic embeddings and pHashes (25k, 50k, 100k), and RRD at 100k.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Selection -- embed [--images 48] [--runs 3]
//        dotnet run -c Release --project bench/Refinery.Bench.Selection -- dedup [--sizes 25000,50000,100000] [--runs 3]
using System.Globalization;
using Refinery.Bench.Selection;

var mode = args.FirstOrDefault() ?? "";
switch (mode)
{
    case "embed":
        return await EmbeddingThroughput.RunAsync(args[1..]);
    case "dedup":
        DedupTiming.Run(ListOption("--sizes", [25_000, 50_000, 100_000]), IntOption("--runs", 3));
        return 0;
    default:
        Console.Error.WriteLine("usage: Refinery.Bench.Selection embed [--images N] [--runs N]");
        Console.Error.WriteLine("       Refinery.Bench.Selection dedup [--sizes 25000,50000,100000] [--runs 3]");
        return 2;
}

int IntOption(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

int[] ListOption(string name, int[] fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length
        ? [.. args[index + 1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(value => int.Parse(value, CultureInfo.InvariantCulture))]
        : fallback;
}

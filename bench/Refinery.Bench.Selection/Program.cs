// Selection benchmarks, one mode per run.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Selection -- dedup [--sizes 25000,50000,100000] [--runs 3]
using System.Globalization;
using Refinery.Bench.Selection;

var mode = args.FirstOrDefault() ?? "";
switch (mode)
{
    case "dedup":
        DedupTiming.Run(ListOption("--sizes", [25_000, 50_000, 100_000]), IntOption("--runs", 3));
        return 0;
    default:
        Console.Error.WriteLine("Usage: Refinery.Bench.Selection dedup [--sizes 25000,50000,100000] [--runs 3]");
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

// Selection benchmarks, one mode per run:
//   embed   ResNet-18 embedding throughput on synthetic 1–2 MP JPEGs, decode excluded and included, 1 and 2 cores.
// Usage: dotnet run -c Release --project bench/Refinery.Bench.Selection -- embed [--images 48] [--runs 3]
using Refinery.Bench.Selection;

var mode = args.FirstOrDefault();
return mode switch
{
    "embed" => await EmbeddingThroughput.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Refinery.Bench.Selection embed [--images N] [--runs N]");
    return 2;
}

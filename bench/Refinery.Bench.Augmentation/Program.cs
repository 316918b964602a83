// Augmentation throughput: images/s of every operator on synthetic 1–2 MP JPEGs, on all cores, beside decode + encode
// alone of the same files. Usage: dotnet run -c Release --project bench/Refinery.Bench.Augmentation -- [--images 24] [--runs 3]
using Refinery.Bench.Augmentation;

return AugmentationThroughput.Run(args);

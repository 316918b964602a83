using System.Text.Json.Nodes;
using Refinery.Domain;
using Refinery.Imaging;
using Refinery.Operators;
using Refinery.Operators.Analysis;

namespace Refinery.Bench.Support;

/// <summary>
/// Makes the <c>result</c> JSON of finished analysis versions by running the real <see cref="AnalysisReducer"/> over
/// generated per-sample values, so the stored shape and size are what the engine writes.
/// </summary>
public static class AnalysisResults
{
    public static async Task<IReadOnlyList<string>> MakeAsync(int variants, int seed)
    {
        var results = new List<string>(variants);
        for (var variant = 0; variant < variants; variant++)
        {
            var taskType = variant % 3 == 2 ? TaskTypes.ObjectDetection : TaskTypes.ImageClassification;
            var parameters = AnalysisParams.Parse(new OperatorParameters(new JsonObject { ["task_type"] = taskType }), ImageDecodeLimits.DefaultMaxPixels);
            var samples = Samples(new Random(seed + variant), 200 + (variant * 150), taskType == TaskTypes.ObjectDetection, splitUsage: variant % 2 == 0);
            var reducer = new AnalysisReducer(parameters);
            var result = await reducer.ReduceAsync(() => samples.ToAsyncEnumerable(), static (_, _) => ValueTask.CompletedTask, CancellationToken.None);
            results.Add(result.ToJsonString(WireJson.NodeOptions));
        }

        return results;
    }

    private static List<AnalysedSample> Samples(Random random, int count, bool withBoxes, bool splitUsage)
    {
        var samples = new List<AnalysedSample>(count);
        for (var i = 0; i < count; i++)
        {
            if (i % 97 == 13)
            {
                samples.Add(new AnalysedSample($"s{i}", new JsonObject { [AnalysisValueKeys.Failed] = true, [AnalysisValueKeys.Reason] = "not an image" }));
                continue;
            }

            var width = 640 + random.Next(1400);
            var height = 480 + random.Next(900);
            var values = new JsonObject
            {
                [AnalysisValueKeys.Width] = width,
                [AnalysisValueKeys.Height] = height,
                ["resolution"] = (double)width * height,
                ["aspect_ratio"] = (double)width / height,
                ["brightness"] = random.NextDouble() * 255,
                ["saturation"] = random.NextDouble(),
                ["clarity"] = random.NextDouble() * 2000,
                ["colorfulness"] = random.NextDouble() * 120,
                [AnalysisValueKeys.ExactHash] = random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
                [AnalysisValueKeys.PerceptualHash] = random.NextInt64().ToString("x16", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (splitUsage)
            {
                values[AnalysisValueKeys.Usage] = i % 5 == 0 ? "EVAL" : "TRAIN";
            }

            if (withBoxes)
            {
                var boxes = 1 + random.Next(6);
                values["bbox_num"] = boxes;
                values["bbox_area_std"] = random.NextDouble() * 0.2;
                foreach (var feature in new[] { "bbox_aspect_ratio", "bbox_area_ratio", "bbox_marginalization", "bbox_overlap", "bbox_brightness", "bbox_clarity" })
                {
                    values[feature] = new JsonArray([.. Enumerable.Range(0, boxes).Select(_ => (JsonNode)random.NextDouble())]);
                }
            }

            samples.Add(new AnalysedSample($"s{i}", values));
        }

        return samples;
    }
}

using Refinery.Domain;
using Refinery.Imaging.Analysis;

namespace Refinery.Operators.Cleaning;

/// <summary><c>QualityFilter</c>'s params (operators.md Part A), parsed once; every bad value is a 400 naming the parameter.</summary>
/// <param name="Issues">The cleanvision issue types that remove a sample (<c>issues</c>; default all but grayscale), in table order.</param>
/// <param name="Thresholds">The thresholds given as <c>&lt;issue&gt;_threshold</c>, by issue; the others keep cleanvision's.</param>
/// <param name="TaskType">image_classification (default) or object_detection.</param>
public sealed record QualityFilterParams(IReadOnlyList<QualityCheck> Issues, IReadOnlyDictionary<string, double> Thresholds, string TaskType)
{
    public static QualityFilterParams Parse(OperatorParameters parameters)
    {
        var taskType = parameters.GetTaskType();
        var requested = parameters.GetList("issues").Where(name => name.Length > 0).ToList();
        foreach (var name in requested)
        {
            if (!QualityChecks.All.Any(check => check.Issue == name))
            {
                throw ModelArtsErrors.InvalidArgument(
                    "params.issues", $"unknown issue '{name}'; valid issues: {string.Join(", ", QualityChecks.All.Select(check => check.Issue))}");
            }
        }

        var issues = QualityChecks.All
            .Where(check => requested.Count == 0 ? check != QualityChecks.Grayscale : requested.Contains(check.Issue))
            .ToList();
        var thresholds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var check in QualityChecks.All)
        {
            var name = $"{check.Issue}_threshold";
            if (!parameters.Contains(name))
            {
                continue;
            }

            var threshold = parameters.GetFraction(name, check.DefaultThreshold);
            thresholds[check.Issue] = threshold;
        }

        return new QualityFilterParams(issues, thresholds, taskType);
    }

    public bool Removes(QualityCheck check) => Issues.Contains(check);

    /// <summary>The threshold that flags <paramref name="check"/>: the one given, else <paramref name="standard"/>.</summary>
    public double ThresholdOf(QualityCheck check, double standard) => Thresholds.GetValueOrDefault(check.Issue, standard);
}

using Refinery.Domain;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// One augmentation operator's <c>params</c>, read strictly: a key neither the operator nor the template knows,
/// a value outside its domain, or a user range whose minimum exceeds its maximum is a 400 naming the parameter.
/// </summary>
public sealed class AugmentationParameters
{
    /// <summary>
    /// Keys every operator of <c>sys_data_augmentation</c> accepts besides its own: those ModelArts echoes, the seed,
    /// and the limits MetaValidation reads from the first operator's params when <c>do_validation</c> runs it.
    /// </summary>
    public static IReadOnlySet<string> TemplateKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "task_type", "dataset_type", "source_service", "filter_func", "total_status", "do_validation", "seed",
        "image_max_width", "image_max_height",
    };

    private readonly OperatorParameters _values;

    public AugmentationParameters(OperatorParameters values, params IReadOnlyCollection<string> operatorKeys)
    {
        _values = values;
        foreach (var name in values.Names)
        {
            if (!TemplateKeys.Contains(name) && !operatorKeys.Contains(name))
            {
                var accepted = operatorKeys.Count == 0 ? "this operator takes no parameters" : $"accepted: {string.Join(", ", operatorKeys)}";
                throw ModelArtsErrors.InvalidArgument($"params.{name}", $"is not a parameter of this operator ({accepted})");
            }
        }

        _ = values.GetBool("do_validation", true);
    }

    public double Number(string name, double defaultValue, double lowest = double.MinValue, double highest = double.MaxValue)
    {
        var value = _values.GetDouble(name, defaultValue);
        return value >= lowest && value <= highest
            ? value
            : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must lie in [{lowest}, {highest}], got {value}");
    }

    public double Probability(string name, double defaultValue) => Number(name, defaultValue, 0, 1);

    public int WholeNumber(string name, int defaultValue, int lowest, int highest = int.MaxValue)
    {
        var value = _values.GetInt(name, defaultValue);
        return value >= lowest && value <= highest
            ? value
            : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be an integer in [{lowest}, {highest}], got {value}");
    }

    /// <summary>
    /// A [min, max] range from two keys. A user range with min above max is refused; <paramref name="swappedDefault"/>
    /// is the one pair the documentation prints the wrong way round, which clients echo back verbatim, so it is turned.
    /// </summary>
    public NumericRange Range(string minName, string maxName, NumericRange defaultRange, double lowest, double highest, NumericRange? swappedDefault = null)
    {
        var min = Number(minName, defaultRange.Min, lowest, highest);
        var max = Number(maxName, defaultRange.Max, lowest, highest);
        if (swappedDefault is { } swapped && min == swapped.Min && max == swapped.Max)
        {
            (min, max) = (max, min);
        }

        return min <= max
            ? new NumericRange(min, max)
            : throw ModelArtsErrors.InvalidArgument($"params.{minName}", $"must not exceed params.{maxName} ({min} > {max})");
    }

    /// <summary>One of the documented values (compared ignoring case; ModelArts examples mix cases).</summary>
    public TChoice Choice<TChoice>(string name, TChoice defaultValue)
        where TChoice : struct, Enum
    {
        var text = _values.GetString(name);
        if (text is null)
        {
            return defaultValue;
        }

        return Enum.TryParse<TChoice>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw ModelArtsErrors.InvalidArgument($"params.{name}", $"must be one of {string.Join(", ", Enum.GetNames<TChoice>())}, got '{text}'");
    }
}

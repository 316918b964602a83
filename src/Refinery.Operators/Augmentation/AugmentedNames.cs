using System.Text.RegularExpressions;

namespace Refinery.Operators.Augmentation;

/// <summary>
/// The names augmented samples are published under, <c>cat/1_aug2_Flip.jpg</c> for the second operator, Flip, on
/// <c>cat/1.jpg</c>; and the rule that keeps them from landing on an input's name: a planned name of that shape is
/// reserved, so the planner gives such an input another name.
/// </summary>
public static partial class AugmentedNames
{
    /// <summary>The stem (folder included, extension not) of the sample made by an operator from <paramref name="outputName"/>.</summary>
    /// <param name="outputName">The parent's output name, unique within the version.</param>
    /// <param name="operatorIndex">The operator's place in <c>operator_params</c> (numbered from 1 in the name).</param>
    /// <param name="operatorName">The operator's name, letters only.</param>
    public static string Stem(string outputName, int operatorIndex, string operatorName)
    {
        var (folder, stem) = OutputNames.Split(outputName);
        return $"{folder}{stem}_aug{operatorIndex + 1}_{operatorName}";
    }

    /// <summary>True for a name an augmented sample may take (compared ignoring case, as output names are).</summary>
    public static bool IsReserved(string outputName) => Shape().IsMatch(Path.GetFileNameWithoutExtension(outputName));

    [GeneratedRegex("_aug[0-9]+_[a-z]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

namespace Refinery.Operators.Pipeline;

/// <summary>One quality issue a sample was flagged with: its score and the threshold the score fell below.</summary>
/// <param name="DuplicateOf">For a duplicate, the sample it copies (the one kept); null for other issues.</param>
public sealed record IssueFinding(string Issue, double Score, double Threshold, string? DuplicateOf = null)
{
    public string Describe() =>
        $"{Issue} (score {SampleDecision.Number(Score)} < {SampleDecision.Number(Threshold)}{(DuplicateOf is null ? "" : $", a copy of {DuplicateOf}")})";
}

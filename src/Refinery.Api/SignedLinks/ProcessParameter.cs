using System.Globalization;
using Refinery.Domain;
using Refinery.Imaging.Thumbnails;

namespace Refinery.Api.SignedLinks;

/// <summary>
/// The subset of OBS image-processing syntax Refinery serves: <c>image/resize,m_lfit</c> with <c>w_N</c> and/or
/// <c>h_N</c> (in any order, <c>m_lfit</c> being the default mode), N from 1 to <see cref="FitInside.MaxSide"/>.
/// </summary>
public static class ProcessParameter
{
    private const string Action = "image/resize,";

    /// <summary>The resize <paramref name="text"/> asks for, or null when it is absent or empty.</summary>
    /// <exception cref="ModelArtsException">400 ModelArts.0101 naming <paramref name="field"/> and the accepted syntax.</exception>
    public static FitInside? Parse(string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (!text.StartsWith(Action, StringComparison.Ordinal))
        {
            throw Invalid(field, text, "only image/resize is supported");
        }

        int? width = null;
        int? height = null;
        var mode = false;
        foreach (var item in text[Action.Length..].Split(','))
        {
            switch (item)
            {
                case "m_lfit" when !mode:
                    mode = true;
                    break;
                case ['w', '_', ..] when width is null:
                    width = Side(field, text, item);
                    break;
                case ['h', '_', ..] when height is null:
                    height = Side(field, text, item);
                    break;
                default:
                    throw Invalid(field, text, $"'{item}' is not m_lfit, w_N or h_N, or it is repeated");
            }
        }

        return width is null && height is null
            ? throw Invalid(field, text, "it needs w_N, h_N or both")
            : new FitInside(width, height);
    }

    /// <summary>The canonical text of <paramref name="fit"/>, which <see cref="Parse"/> reads back to an equal value.</summary>
    public static string Format(FitInside fit)
    {
        ArgumentNullException.ThrowIfNull(fit);
        return $"{Action}m_lfit" +
            (fit.MaxWidth is { } width ? $",w_{width.ToString(CultureInfo.InvariantCulture)}" : "") +
            (fit.MaxHeight is { } height ? $",h_{height.ToString(CultureInfo.InvariantCulture)}" : "");
    }

    private static int Side(string field, string text, string item) =>
        int.TryParse(item.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= FitInside.MaxSide
            ? value
            : throw Invalid(field, text, $"'{item}' must be a whole number of pixels from 1 to {FitInside.MaxSide}");

    private static ModelArtsException Invalid(string field, string text, string why) =>
        ModelArtsErrors.InvalidArgument(
            field, $"must be image/resize,m_lfit with w_N and/or h_N (N from 1 to {FitInside.MaxSide}), got '{text}': {why}");
}

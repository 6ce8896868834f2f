using Lingua;

namespace Search.Core.Extraction;

/// <summary>
/// The language of an article's text as an ISO 639-1 code: a function-word vote when it is clear
/// (<see cref="LanguageFunctionWords"/>), else Lingua's trigram models (low-accuracy mode, which
/// reads trigrams only and is plenty for article-length text). Only languages a news archive is likely to hold are
/// told apart: each one more costs time on every article and makes a wrong guess on short text likelier. Their
/// models are copied beside the binaries by Search.Core.csproj; add a language there and here together.
/// </summary>
public static class LanguageDetector
{
    /// <summary>
    /// Characters read: a few hundred tell a language apart; more only costs time (Lingua's cost grows with the
    /// text: about 1 µs per character with these eight languages).
    /// </summary>
    private const int SampleLength = 400;

    /// <summary>Below this many letters a guess is not worth storing.</summary>
    private const int MinLetters = 20;

    private static readonly Language[] Languages =
    [
        Language.English, Language.German, Language.French, Language.Spanish, Language.Italian,
        Language.Portuguese, Language.Dutch, Language.Russian,
    ];

    // The detector is immutable and thread-safe once built; models load on first use (lazily, per language).
    private static readonly Lazy<Lingua.LanguageDetector> Detector = new(() =>
        LanguageDetectorBuilder.FromLanguages(Languages)
            .WithLowAccuracyMode()
            .WithLanguageModelsDirectory(Path.Combine(AppContext.BaseDirectory, "Lingua", "LanguageModels"))
            .Build());

    /// <summary>The codes <see cref="Detect"/> can answer, for documentation and validation.</summary>
    public static IReadOnlyList<string> Codes => CodeOrder;

    internal static readonly List<string> CodeOrder = [.. Languages.Select(l => LanguageInfo.IsoCode6391(l).ToString().ToLowerInvariant())];

    /// <summary>The language of the title and the start of the body, or null when there is too little text or no clear answer.</summary>
    public static string? Detect(string? title, string body)
    {
        var sample = title is null ? body : title + "\n" + body;
        if (sample.Length > SampleLength)
        {
            // Cut at a space so the last word is whole.
            var cut = sample.LastIndexOf(' ', SampleLength);
            sample = sample[..(cut > SampleLength / 2 ? cut : SampleLength)];
        }

        if (sample.Count(char.IsLetter) < MinLetters)
        {
            return null;
        }

        // Function words settle ordinary prose in microseconds; Lingua decides the rest.
        if (LanguageFunctionWords.ClearWinner(sample) is { } clear)
        {
            return clear;
        }

        var language = Detector.Value.DetectLanguageOf(sample);
        return language == Language.Unknown ? null : LanguageInfo.IsoCode6391(language).ToString().ToLowerInvariant();
    }
}

using System.Collections.Frozen;

namespace Search.Core.Extraction;

/// <summary>
/// The cheap first look of <see cref="LanguageDetector"/>: the most frequent function words of each language it
/// tells apart, counted over the sample. News prose in one language is full of them ("the", "der", "le", "el"),
/// so a clear winner decides in a few microseconds; a close vote (short or mixed text, or languages sharing the
/// words, such as Spanish and Portuguese "de", "que") goes to Lingua's n-gram models. Words two languages share
/// often are left out of both.
/// </summary>
internal static class LanguageFunctionWords
{
    /// <summary>Votes the winner needs, and how many times the runner-up's, to decide without the models.</summary>
    private const int MinVotes = 8;
    private const int Margin = 4;

    private static readonly FrozenDictionary<string, string> Words = Build(new Dictionary<string, string>
    {
        ["en"] = "the and of to is was that for with said are have has were from this which would their will been not but they",
        ["de"] = "der die und das ist nicht sich mit den von des dem auch ein eine einen wird werden sagte hat wurde bei nach für zu im",
        ["fr"] = "le les et des est une pour dans du sur qui pas au ont été avec sont aux cette mais son ses plus",
        ["es"] = "el los las del en por con una para es fue sus al pero más está han como también",
        ["it"] = "il della di che non per gli sono è anche alla dei delle nel come ha stato più una",
        ["pt"] = "os das dos em não uma para com foi ao pelo pela mais são está também",
        ["nl"] = "het een van en is niet dat zijn op voor met werd naar ook maar bij heeft wordt",
        ["ru"] = "и в не на что с по это как из за он она они был была его к для",
    });

    private static FrozenDictionary<string, string> Build(Dictionary<string, string> lists)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (code, list) in lists)
        {
            foreach (var word in list.Split(' '))
            {
                // A word in two lists tells neither language: drop it from both.
                owners[word] = owners.TryGetValue(word, out var other) && other != code ? null : code;
            }
        }

        return owners.Where(kv => kv.Value is not null).ToFrozenDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
    }

    /// <summary>The language whose function words clearly dominate <paramref name="text"/>, or null when the vote is close.</summary>
    public static string? ClearWinner(ReadOnlySpan<char> text)
    {
        Span<int> votes = stackalloc int[8];
        Span<char> lower = stackalloc char[32];
        var codes = LanguageDetector.CodeOrder;
        var lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetter(text[i]) || (text[i] == '\'' && start >= 0));
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = text[start..i];
                start = -1;
                if (word.Length <= lower.Length)
                {
                    var length = word.ToLowerInvariant(lower);
                    if (lookup.TryGetValue(lower[..length], out var code))
                    {
                        votes[codes.IndexOf(code)]++;
                    }
                }
            }
        }

        var best = 0;
        var second = 0;
        var winner = -1;
        for (var l = 0; l < codes.Count; l++)
        {
            if (votes[l] > best)
            {
                second = best;
                best = votes[l];
                winner = l;
            }
            else if (votes[l] > second)
            {
                second = votes[l];
            }
        }

        return best >= MinVotes && best >= Margin * second ? codes[winner] : null;
    }
}

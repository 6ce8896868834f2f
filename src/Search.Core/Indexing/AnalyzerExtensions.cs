using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Search.Core.Indexing;

/// <summary>Running an analyzer over a piece of text outside indexing (query building, suggestions, evaluation).</summary>
public static class AnalyzerExtensions
{
    /// <summary>The terms <paramref name="analyzer"/> makes of <paramref name="text"/> for <paramref name="field"/>, in order.</summary>
    public static List<string> Terms(this Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

using System.Text.Json;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Indexer.Evaluation;

/// <summary>
/// PolNeAR articles as examples for the learned quote attribution (#24): each article is parsed as the indexer
/// parses it, every quote decision extraction meets is recorded (<see cref="SpeakerExtractor.Extract(string, string?, AttributionModel?, Action{QuoteDecision}?)"/>),
/// and labelled from the gold spans with the judge's own tests (<see cref="QuoteJudge"/>): a quote outside every gold
/// content should not be served; inside a content whose source is named, the right candidates are those whose last
/// word is a word of that source (none: not served); inside one whose source is a pronoun or absent, any source will do.
/// </summary>
public static class AttributionExamples
{
    /// <summary>One article: its text, its gold spans and the decisions its extraction meets.</summary>
    public sealed record Article(string Id, string Text, IReadOnlyList<QuoteJudge.GoldSpan> Spans, IReadOnlyList<QuoteDecision> Decisions);

    /// <summary>Reads a PolNeAR split (*.jsonl.gz) in file order.</summary>
    public static List<Article> Read(string path)
    {
        var articles = new List<Article>();
        foreach (var line in PolnearEvaluation.ReadLines(path))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var id = root.GetProperty("id").GetString()!;
            var text = root.GetProperty("text").GetString()!;
            var parsed = ArticleParser.Parse(new RawArticle { Id = id, Text = text });
            var decisions = new List<QuoteDecision>();
            SpeakerExtractor.Extract(parsed.Body, parsed.Title, model: null, decisions.Add);
            articles.Add(new Article(id, text, QuoteJudge.Read(root), decisions));
        }

        return articles;
    }

    /// <summary>The article's decisions with their right candidates; quotes not found verbatim in the text are left out.</summary>
    public static IEnumerable<AttributionExample> Label(Article article)
    {
        foreach (var decision in article.Decisions)
        {
            var at = article.Text.IndexOf(decision.Text, StringComparison.Ordinal);
            if (at < 0 || decision.Text.Length == 0)
            {
                continue;
            }

            var end = at + decision.Text.Length;
            var holder = article.Spans.Where(g => g.ContentStart <= at && end <= g.ContentEnd).MinBy(g => g.ContentEnd - g.ContentStart);
            var sources = Enumerable.Range(1, decision.Candidates.Count - 1);
            var right = holder is null ? []
                : holder.Source is null || holder.SourceIsPronoun ? sources.ToHashSet()
                : sources.Where(i => QuoteJudge.SourceHolds(holder.Source, decision.Candidates[i].Name!)).ToHashSet();
            yield return new AttributionExample(decision, right.Count == 0 ? new HashSet<int> { 0 } : right);
        }
    }

    /// <summary>The quote judge's rates when <paramref name="model"/> (null: the rules) makes every decision.</summary>
    public static (double Inside, double SpeakerRight, double Found) Judge(IEnumerable<Article> articles, AttributionModel? model)
    {
        var judge = new QuoteJudge();
        foreach (var article in articles)
        {
            var quotes = new List<Quote>();
            foreach (var decision in article.Decisions)
            {
                var chosen = decision.Candidates[model is null ? decision.RuleChoice : model.Choose(decision.Candidates)];
                if (chosen.Name is not null)
                {
                    quotes.Add(new Quote(chosen.Name, decision.Text) { Kind = chosen.Organization ? Quote.OrganizationKind : Quote.PersonKind });
                }
            }

            judge.Add(article.Id, article.Text, article.Spans, quotes);
        }

        return judge.Rates;
    }
}

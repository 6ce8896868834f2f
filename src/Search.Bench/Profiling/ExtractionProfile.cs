using Search.Bench.Measurement;
using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Bench.Profiling;

/// <summary>
/// Where extraction spends its CPU (#23): each step <see cref="ArticleParser.Parse"/> takes, called on its own over
/// the same articles on one thread and timed with this thread's CPU clock, beside the whole parse. Steps are fed
/// what the parse would feed them (its cleaned text, its lines, its body), so the sum of the steps is close to the
/// parse; the rest is the glue between them (title copies, credit lines, joining paragraphs). The title, outlet
/// and date extractors are timed too, though the bench corpus gives those fields and the parse then skips them.
/// </summary>
public static class ExtractionProfile
{
    /// <summary>CPU ms per step over <paramref name="raws"/>, in the order the parse runs them, then the parse itself.</summary>
    public static List<(string Step, double CpuMs)> Measure(IReadOnlyList<RawArticle> raws)
    {
        var steps = new List<(string Step, double CpuMs)>();
        var timer = new StepTimer(steps);
        var all = Enumerable.Range(0, raws.Count).ToList();
        var cleaned = timer.Time("unicode clean", all, i => UnicodeText.Clean(raws[i]));
        var pageLines = timer.Time("page lines", all, i => PageLines.Split(cleaned[i].Text));
        var lines = timer.Time("boilerplate filter", all, i => BoilerplateFilter.KeepArticleLines(pageLines[i]));
        timer.Time("title line (not run: given)", all, i => TitleExtractor.FindTitleLine(lines[i]));
        var parsed = timer.Time("ArticleParser.Parse (whole)", all, i => ArticleParser.Parse(cleaned[i]));
        timer.Time("credit (SourceExtractor.FindCredit)", all, i => SourceExtractor.FindCredit(lines[i]));
        timer.Time("speakers and quotes (SpeakerExtractor)", all, i => SpeakerExtractor.Extract(parsed[i].Body, parsed[i].Title));
        timer.Time("byline (BylineExtractor)", all, i => BylineExtractor.Extract(pageLines[i]));
        timer.Time("outlet (not run: given)", all, i => OutletExtractor.Find(cleaned[i].Url, null, pageLines[i], parsed[i].Credit));
        timer.Time("outlet name normalised (given)", all, i => cleaned[i].Outlet is { } outlet ? OutletNames.Normalize(outlet) : null);
        timer.Time("cited outlets (SourceExtractor)", all, i => SourceExtractor.FindCitedOutlets(parsed[i].Body, parsed[i].Credit));
        timer.Time("published day (not run: given)", all, i => PublishedDateExtractor.Extract(pageLines[i], cleaned[i].Url));
        timer.Time("language (LanguageDetector)", all, i => LanguageDetector.Detect(parsed[i].Title, parsed[i].Body));
        timer.Time("names within the article (SpeakerNameResolver)", all, i => SpeakerNameResolver.ResolveWithinArticle(parsed[i]));
        return steps;
    }

    /// <summary>Times each step on the calling thread, after an untimed pass over the first 200 items that pays for JIT and lazy tables.</summary>
    private sealed class StepTimer(List<(string Step, double CpuMs)> steps)
    {
        public List<T> Time<T>(string step, List<int> items, Func<int, T> run)
        {
            foreach (var i in items.Take(200))
            {
                run(i);
            }

            GC.Collect();
            var results = new List<T>(items.Count);
            var began = ThreadCpuClock.NowMs();
            foreach (var i in items)
            {
                results.Add(run(i));
            }

            steps.Add((step, ThreadCpuClock.NowMs() - began));
            return results;
        }
    }
}

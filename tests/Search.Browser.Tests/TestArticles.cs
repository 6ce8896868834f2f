using Search.Core.Articles;

namespace Search.Browser.Tests;

/// <summary>
/// The small corpus the browser tests search: three "grain corridor" articles in two outlets and two
/// months (for phrase, facet and date checks), one story told by two outlets (story collapsing, source facet), one article whose every field carries markup that
/// would run if the page ever inserted article text as HTML, and enough filler for a second page.
/// </summary>
public static class TestArticles
{
    /// <summary>Set by any payload that runs; the page must leave it undefined.</summary>
    public const string PwnedMarker = "__pwned";

    public const string HostileId = "hostile";

    public const string HostileTitle = "<script>window.__pwned=1;alert('title')</script>Harbour <img src=x onerror=\"window.__pwned=2;alert('img')\"> report";

    public static IReadOnlyList<Article> All { get; } = Build();

    private static List<Article> Build()
    {
        var articles = new List<Article>
        {
            new(
                "grain-reuters-1", "https://example.com/grain-1", "Ministers agree grain corridor through the Black Sea",
                "Ministers from both sides agreed a grain corridor on Thursday after weeks of talks.\n"
                + "“The grain corridor will open next week,” Anna Berg said in Istanbul.\n"
                + "Shipping companies welcomed the deal but asked for insurance guarantees.",
                "Reuters", [], ["Anna Berg"], [new Quote("Anna Berg", "The grain corridor will open next week")],
                new DateOnly(2022, 3, 3)),
            new(
                "grain-reuters-2", "https://example.com/grain-2", "Insurers wary of Black Sea shipping",
                "Insurers remain wary of grain shipments despite the new corridor.\n"
                + "“Nobody will sail without cover,” Piet Kramer said.",
                "Reuters", [], ["Piet Kramer"], [new Quote("Piet Kramer", "Nobody will sail without cover")],
                new DateOnly(2022, 2, 11)),
            new(
                "grain-bbc-1", "https://example.org/grain-3", "Farmers wait for the grain corridor",
                "Farmers near Odesa say the grain corridor cannot come soon enough.\n"
                + "“Our silos are full,” Tom Lind said.",
                "BBC News", [], ["Tom Lind", "Anna Berg"], [new Quote("Tom Lind", "Our silos are full")],
                new DateOnly(2022, 2, 10)),
            new(
                HostileId, "javascript:window.__pwned=3", HostileTitle,
                "Harbour officials found <script>window.__pwned=4;alert('body')</script> in the cargo manifest.\n"
                + "A second line held <img src=x onerror=\"window.__pwned=5;alert('body img')\"> as plain text.",
                "<b onmouseover=\"window.__pwned=6\">Evil</b> Gazette", [],
                ["<img src=x onerror=\"window.__pwned=7;alert('speaker')\">"],
                [new Quote("<img src=x onerror=\"window.__pwned=7;alert('speaker')\">", "<script>window.__pwned=8</script> harbour quote")],
                new DateOnly(2022, 3, 20)),
        };

        // One story run by two outlets (a wire copy): story collapsing folds them, and both credit a source.
        const string volcano = "The volcano on the northern island erupted before dawn on Sunday, sending a column of ash "
            + "eight kilometres into the sky and forcing the evacuation of three coastal villages. Civil defence officials "
            + "said lava had reached the main road and that flights to the regional airport were suspended until further notice. "
            + "Scientists at the national observatory recorded hundreds of small earthquakes in the week before the eruption.";
        articles.Add(new("volcano-ap", null, "Volcano erupts, villages evacuated", volcano, "AP News", ["Associated Press"], [], [], new DateOnly(2022, 4, 3)));
        articles.Add(new("volcano-cbs", null, "Volcano erupts on northern island", volcano + " Updated.", "CBS News", ["Associated Press"], [], [], new DateOnly(2022, 4, 3)));

        // Twelve weather reports, each with a forecaster's quote: more than one page of ten, of articles and of quotes.
        for (var i = 1; i <= 12; i++)
        {
            articles.Add(new(
                $"weather-{i:00}", null, $"Weather report number {i}",
                $"Rain and wind expected across the region, report {i}.",
                "Weather Desk", [], ["Mia Holt"], [new Quote("Mia Holt", $"Rain will reach the coast by evening, report {i}")], new DateOnly(2022, 1, i)));
        }

        return articles;
    }
}

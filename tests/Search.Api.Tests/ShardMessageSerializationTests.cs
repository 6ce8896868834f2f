using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Search.Api.Cluster;
using Search.Core.Alerts;
using Search.Core.Articles;
using Search.Core.Engine;
using Search.Core.Indexing;
using Search.Core.Querying;
using Search.Core.Querying.Quotes;
using Search.Core.Querying.Suggestions;

namespace Search.Api.Tests;

/// <summary>
/// The shard messages cross silos through Orleans' generated serialiser (#22), not JSON: every type a shard grain
/// takes or answers is marked for it, and a message built the way the code builds them (collection expressions,
/// whose runtime types the compiler makes up) comes back equal.
/// </summary>
public sealed class ShardMessageSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Theory]
    [InlineData(typeof(IShardGrain))]
    [InlineData(typeof(IAlertGrain))]
    public void Every_project_type_a_grain_sends_is_generated_and_immutable(Type grain)
    {
        var seen = new HashSet<Type>();
        foreach (var method in grain.GetInterfaces().Append(grain).SelectMany(i => i.GetMethods()))
        {
            Walk(method.ReturnType, seen);
            foreach (var parameter in method.GetParameters())
            {
                Walk(parameter.ParameterType, seen);
            }
        }

        var ours = seen.Where(t => t.Namespace?.StartsWith("Search.", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(ours);
        var unmarked = ours.Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is null).Select(t => t.Name).ToList();
        Assert.True(unmarked.Count == 0, "not marked [GenerateSerializer]: " + string.Join(", ", unmarked));
        var mutable = ours.Where(t => !t.IsEnum && t.GetCustomAttribute<ImmutableAttribute>() is null).Select(t => t.Name).ToList();
        Assert.True(mutable.Count == 0, "records not marked [Immutable] (deep-copied on every local call): " + string.Join(", ", mutable));
    }

    [Fact]
    public void Search_messages_round_trip()
    {
        var request = new SearchRequest { Query = "\"grain deal\"~2", Outlets = ["Reuters", "AP"], Speakers = [], From = new DateOnly(2022, 1, 1), Sort = SearchSort.Newest, After = "x", Histogram = Core.Querying.Timeline.HistogramInterval.Month };
        AssertRoundTrip(new ShardQuery(request, ["grain", "deal"], "a1"));
        AssertRoundTrip(new ShardStatistics([new TermStatistic("body", [1, 2, 250], 3, 9)], [new FieldStatistic("body", 10, 9, 100, 50)], 10,
            Fuzzy: [new FuzzyTerms("body", "marlin", 2, 0, ["marlin", "martin"], [1f, 0.8333333f])]));
        AssertRoundTrip(new ShardQuery(request, Fuzzy: [new FuzzyTerms("title", "marlin", 1, 0, ["martin"])]));
        AssertRoundTrip(new ShardQueryResult(2, [new ShardHit("a", 1.5f, 19000, 2, ["X"]), new ShardHit("b", 0.5f, -1)],
            [new ShardFacetCounts("outlet", [[65, 66]], [2])], null, new Dictionary<int, int> { [19000] = 2 }, []));
        AssertRoundTrip(new SearchHit?[] { new("a", "T", null, "O", ["S1"], new DateOnly(2020, 5, 1), 1f, "<mark>x</mark>") { Copies = 3, StoryOutlets = ["P"] }, null });
        AssertRoundTrip(new SpellingWord[] { new(0, 5, false, [new SpellingCandidate("grain", 1, 7)]) });
        AssertRoundTrip(new Completion[] { new("Liu Pengyu", "speaker", 3) });
    }

    [Fact]
    public void Quote_and_write_messages_round_trip()
    {
        AssertRoundTrip(new ShardQuoteQuery(new QuoteSearchRequest { Query = "smear", Speakers = ["Liu Pengyu"], Sort = SearchSort.Relevance }, true, 10, ["a"], [1], 5));
        AssertRoundTrip(new ShardQuote[] { new("Liu Pengyu", "a", "T", null, new DateOnly(2022, 2, 5), 0, 1, 2.5f, "a <mark>smear</mark>") });
        AssertRoundTrip(new ShardTermCounts(["grain", "grain deal"], [4, 2], 9));
        var article = new Article("a", "https://x.test/a", "Title", "Body text.", "Outlet", ["BBC News"], ["Liu Pengyu"],
            [new Quote("Liu Pengyu", "a smear")], new DateOnly(2022, 2, 5))
        { Credit = "via BBC News" };
        AssertRoundTrip(new ShardWriteItem[] { new(article, false) });
        AssertRoundTrip(new ShardWriteResult[] { new(IngestOutcome.Created), new(null, "title", "too long", false) });
    }

    [Fact]
    public void Alert_messages_round_trip()
    {
        var alert = new SavedAlert("a1", "Grain deal", "\"grain deal\"", ["Reuters"], [], ["BBC News"], DateTimeOffset.UnixEpoch, "https://hooks.test/x");
        AssertRoundTrip(new AlertRequest("grain", ["Reuters"], null, [], "Grain", null));
        AssertRoundTrip(new AlertSet(42, [alert]));
        AssertRoundTrip(new AlertSummary(alert, 3, 17));
        AssertRoundTrip(new AlertHit(["a1", "a2"], "x", "Title", "Outlet", null, new DateOnly(2022, 2, 5), 9, 3));
        AssertRoundTrip(new AlertMatchPage([new AlertMatch(5, "a1", "x", "Title", "Outlet", null, new DateOnly(2022, 2, 5), 9, DateTimeOffset.UnixEpoch, 3)], 7));
    }

    private static void AssertRoundTrip<T>(T message)
    {
        var copy = Serializer.Deserialize<T>(Serializer.SerializeToArray(message));
        Assert.Equal(JsonSerializer.Serialize(message), JsonSerializer.Serialize(copy));
    }

    private static void Walk(Type type, HashSet<Type> seen)
    {
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, seen);
            }
        }

        if (type.IsArray || Nullable.GetUnderlyingType(type) is not null)
        {
            Walk(type.GetElementType() ?? Nullable.GetUnderlyingType(type)!, seen);
            return;
        }

        if (!seen.Add(type) || type.Namespace?.StartsWith("Search.", StringComparison.Ordinal) != true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, seen);
        }
    }
}

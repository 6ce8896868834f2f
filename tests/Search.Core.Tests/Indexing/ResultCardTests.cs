using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class ResultCardTests
{
    public static TheoryData<ResultCard> Cards() =>
    [
        new ResultCard("a", "NATO summit", "https://example.com/a", "Reuters", ["Jens Stoltenberg", "Anna Berg"], new DateOnly(2022, 2, 4)),
        new ResultCard("b", null, null, null, [], null),
        new ResultCard("c", "", "", "", [""], DateOnly.MinValue),
        new ResultCard("北京-ü", "Zoë's “quoted” title 🎉", null, "Le Monde", ["Zoë Ölund", "李明", "Ana Ruiz"], DateOnly.MaxValue),
        new ResultCard(new string('x', 300), new string('t', 20_000), null, "o", [.. Enumerable.Range(0, 200).Select(i => $"Speaker {i}")],
            new DateOnly(1999, 12, 31)),
    ];

    [Theory]
    [MemberData(nameof(Cards))]
    public void EncodedCardReadsBackEqualWithSpeakersInOrder(ResultCard card)
    {
        var read = ResultCard.Decode(card.Encode());
        Assert.Equal(card.Id, read.Id);
        Assert.Equal(card.Title, read.Title);
        Assert.Equal(card.Url, read.Url);
        Assert.Equal(card.Outlet, read.Outlet);
        Assert.Equal(card.Speakers, read.Speakers);
        Assert.Equal(card.Published, read.Published);
    }

    [Fact]
    public void BytesOfAnotherLayoutAreRefused()
    {
        Assert.Throws<InvalidDataException>(() => ResultCard.Decode([]));
        Assert.Throws<InvalidDataException>(() => ResultCard.Decode([99, 2, (byte)'a']));
    }
}

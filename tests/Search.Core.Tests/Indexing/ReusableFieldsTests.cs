using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Search.Core.Articles;
using Search.Core.Indexing;

namespace Search.Core.Tests.Indexing;

public sealed class ReusableFieldsTests
{
    private static readonly Article First = new(
        "first", "https://example.com/a", "Rain in Spain", "Officials said the rain in Spain stays mainly in the plain. It rained.",
        "Example News", ["Reuters", "AP"], ["Jane Roe", "John Doe", "Ann Lee"], [new Quote("Jane Roe", "the rain stays")], new DateOnly(2024, 3, 5))
    {
        Organizations = ["United Nations"],
        Authors = ["Kim Park"],
        Lang = "en",
    };

    private static readonly Article Second = new(
        "second", null, null, "A shorter body, other words.", "Other Outlet", [], ["Max Mustermann"], [], new DateOnly(2019, 12, 31))
    {
        Lang = "de",
    };

    private static readonly Article Third = new("third", null, "No date, no outlet", "Body text without metadata.", null, [], [], [], null);

    /// <summary>
    /// A bulk load builds each thread's documents with the same field instances one after another: every document
    /// must carry exactly what a document built from scratch carries (names, values and the tokens each field indexes),
    /// whichever documents were built with those fields before it, with more or fewer values per field.
    /// </summary>
    [Fact]
    public void DocumentsBuiltWithReusedFieldsEqualFreshOnes()
    {
        var reuse = new ReusableFields();
        foreach (var article in new[] { First, Second, Third, First, Third, Second })
        {
            var expected = Describe(ArticleDocumentMapper.ToDocument(article));
            var actual = Describe(ArticleDocumentMapper.ToDocument(article, reuse));
            Assert.Equal(expected, actual);
        }
    }

    /// <summary>Each field as text: name, type flags, stored value, doc value bytes and the tokens it indexes.</summary>
    private static List<string> Describe(Document document)
    {
        using var analyzer = new ArticleAnalyzer();
        var fields = new List<string>();
        foreach (var field in document.Fields)
        {
            var type = field.IndexableFieldType;
            var text = $"{field.Name}|{type.IsIndexed}|{type.IsStored}|{type.IsTokenized}|{type.DocValueType}|{field.GetStringValue(CultureInfo.InvariantCulture)}|{field.GetBinaryValue()?.Utf8ToString()}|{field.NumericType}|{field.GetInt64Value()}|{field.GetInt32Value()}";
            if (type.IsIndexed)
            {
                text += "|" + string.Join(' ', Tokens(field, analyzer));
            }

            fields.Add(text);
        }

        return fields;
    }

    private static List<string> Tokens(IIndexableField field, ArticleAnalyzer analyzer)
    {
        var tokens = new List<string>();
        using var stream = field.GetTokenStream(analyzer);
        var term = stream.HasAttribute<ICharTermAttribute>() ? stream.GetAttribute<ICharTermAttribute>() : null;
        var bytes = stream.GetAttribute<ITermToBytesRefAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.HasAttribute<IOffsetAttribute>() ? stream.GetAttribute<IOffsetAttribute>() : null;
        stream.Reset();
        while (stream.IncrementToken())
        {
            bytes.FillBytesRef();
            tokens.Add($"{term?.ToString() ?? bytes.BytesRef.ToString()}/{increment.PositionIncrement}/{offset?.StartOffset}-{offset?.EndOffset}");
        }

        stream.End();
        tokens.Add($"end/{offset?.EndOffset}");
        return tokens;
    }
}

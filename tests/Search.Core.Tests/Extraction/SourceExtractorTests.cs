using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

public sealed class SourceExtractorTests
{
    [Fact]
    public void ViaLineIsTheCredit()
    {
        Assert.Equal("National Review", SourceExtractor.FindCredit(["Some intro line.", "Source: National Review"]));
    }

    [Fact]
    public void CitedOutletsUseOneSpelling()
    {
        var sources = SourceExtractor.FindCitedOutlets("The plan was first described to the NYT by two aides. Later, WaPo reported the cost.", null);
        Assert.Equal(["The New York Times", "The Washington Post"], sources);
    }

    [Fact]
    public void WireTagIsCited()
    {
        Assert.Contains("Agence France-Presse", SourceExtractor.FindCitedOutlets("LIMA (AFP) - Protests spread on Sunday.", null));
    }

    [Fact]
    public void OutletBeforeReportedIsFoundAfterSentenceBreak()
    {
        Assert.Equal(["CNN"], SourceExtractor.FindCitedOutlets("The deal collapsed in Vienna. CNN later confirmed the details.", null));
    }

    [Fact]
    public void LowercaseTheBeforeUnknownOutletIsCapitalised()
    {
        Assert.Equal(["The Valley Gazette"], SourceExtractor.FindCitedOutlets("The mayor resigned, according to the Valley Gazette.", null));
    }

    [Fact]
    public void BareThePostIsNotAnOutlet()
    {
        Assert.Empty(SourceExtractor.FindCitedOutlets("The aide told the Post that nothing had changed.", null));
    }

    [Fact]
    public void FeedSectionSuffixIsDroppedFromKnownOutlet()
    {
        Assert.Equal("The New York Times", OutletNames.Normalize("New York Times - News"));
    }
}

using Search.Core.Articles;
using Search.Core.Extraction;

namespace Search.Core.Tests.Extraction;

/// <summary>News paragraphs written for these tests (not copied from any outlet) and the repository's English seeds.</summary>
public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("de", "Stadtrat beschließt neuen Haushalt",
        "Der Stadtrat hat am Dienstagabend nach einer langen Debatte den Haushalt für das kommende Jahr beschlossen. "
        + "Die Bürgermeisterin sagte, die Stadt werde mehr Geld in Schulen und den öffentlichen Nahverkehr investieren.")]
    [InlineData("fr", "Le conseil municipal adopte son budget",
        "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat. "
        + "La maire a déclaré que la ville investirait davantage dans les écoles et les transports en commun.")]
    [InlineData("es", "El ayuntamiento aprueba los presupuestos",
        "El pleno del ayuntamiento aprobó el martes por la noche los presupuestos del próximo año tras un largo debate. "
        + "La alcaldesa afirmó que la ciudad invertirá más dinero en escuelas y en el transporte público.")]
    [InlineData("en", "City council passes its budget",
        "The city council passed next year's budget late on Tuesday after a long debate. "
        + "The mayor said the city would invest more money in schools and public transport.")]
    public void NewsParagraphsAreDetected(string expected, string title, string body)
    {
        Assert.Equal(expected, LanguageDetector.Detect(title, body));
    }

    [Fact]
    public void EnglishSeedsAreEnglish()
    {
        var seeds = Directory.GetFiles(SeedsFolder(), "*.txt");
        Assert.NotEmpty(seeds);
        foreach (var file in seeds)
        {
            var article = ArticleParser.Parse(new RawArticle { Id = Path.GetFileNameWithoutExtension(file), Text = File.ReadAllText(file) });
            Assert.Equal("en", article.Lang);
        }
    }

    private static string SeedsFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Search.sln")))
            {
                return Path.Combine(dir.FullName, "seeds");
            }
        }

        throw new InvalidOperationException("Search.sln not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData("")]
    [InlineData("OK 12")]
    public void TooLittleTextHasNoLanguage(string body)
    {
        Assert.Null(LanguageDetector.Detect(null, body));
    }
}

namespace Search.Bench.Relevance;

/// <summary>Stemmers compared in the ablation.</summary>
public enum Stemmer
{
    Porter,
    KStem,
    EnglishMinimal,
    None,
}

/// <summary>
/// One configuration of the analysis chain and scoring. <see cref="Default"/> is the product's:
/// Porter, no stop words, title weight 2, no proximity clause, BM25 k1 = 1.2, b = 0.75.
/// </summary>
public sealed record RankingVariant(
    string Name,
    Stemmer Stemmer = Stemmer.Porter,
    bool StopWords = false,
    float TitleWeight = 2f,
    bool Proximity = false,
    float K1 = 1.2f,
    float B = 0.75f)
{
    public static readonly RankingVariant Default = new("product settings");

    /// <summary>Each variant changes one thing from the default.</summary>
    public static IReadOnlyList<RankingVariant> Ablations { get; } =
    [
        Default,
        Default with { Name = "stemmer: KStem", Stemmer = Stemmer.KStem },
        Default with { Name = "stemmer: English minimal", Stemmer = Stemmer.EnglishMinimal },
        Default with { Name = "stemmer: none", Stemmer = Stemmer.None },
        Default with { Name = "stop words removed", StopWords = true },
        Default with { Name = "title weight 1", TitleWeight = 1f },
        Default with { Name = "title weight 3", TitleWeight = 3f },
        Default with { Name = "proximity boost", Proximity = true },
        Default with { Name = "BM25 k1=0.9 b=0.4", K1 = 0.9f, B = 0.4f },
        Default with { Name = "BM25 k1=1.5 b=0.9", K1 = 1.5f, B = 0.9f },
    ];
}

namespace Search.Bench.Relevance;

/// <summary>Stemmers compared in the ablation.</summary>
public enum Stemmer
{
    Porter,
    KStem,
    EnglishMinimal,
    None,
}

/// <summary>Scoring models of Lucene core compared in the ablation (all with the same norms).</summary>
public enum Scoring
{
    BM25,

    /// <summary>Divergence from randomness: inverse document frequency, Laplace after-effect, H2 length normalisation.</summary>
    DfrInL2,

    /// <summary>Divergence from randomness: geometric (Bose-Einstein) model, Laplace after-effect, H2.</summary>
    DfrGL2,

    /// <summary>Language model, Dirichlet smoothing (μ = 2000).</summary>
    LMDirichlet,

    /// <summary>Information-based: log-logistic distribution, λ from document frequency, H2.</summary>
    IBLL,
}

/// <summary>
/// One configuration of the analysis chain, query and scoring. <see cref="Default"/> is the product's:
/// Porter, no stop words in the index, title weight 2, proximity clause (adjacent words, slop 5, weight
/// 0.5), BM25 k1 = 1.2, b = 0.75, no query-time stop words, no feedback (expand=prf is opt-in).
/// </summary>
public sealed record RankingVariant(
    string Name,
    Stemmer Stemmer = Stemmer.Porter,
    bool StopWords = false,
    float TitleWeight = 2f,
    bool Proximity = true,
    int ProximitySlop = 5,
    float ProximityWeight = 0.5f,
    float K1 = 1.2f,
    float B = 0.75f,
    Scoring Scoring = Scoring.BM25,
    bool QueryStopWords = false,
    int FeedbackDocs = 0,
    int FeedbackTerms = 10,
    float FeedbackWeight = 0.5f,
    double FeedbackMaxDocShare = 1.0)
{
    public static readonly RankingVariant Default = new("product settings");

    /// <summary>The product's expand=prf (see RelevanceFeedback): k = 5, m = 20, w = 0.2, df ≤ 10%.</summary>
    private static readonly RankingVariant Prf = Default with
    {
        Name = "PRF k=5 m=20 w=0.2, df ≤ 10% (expand=prf)",
        FeedbackDocs = 5,
        FeedbackTerms = 20,
        FeedbackWeight = 0.2f,
        FeedbackMaxDocShare = 0.1,
    };

    /// <summary>Each variant changes one thing from the default (PRF rows: one of its settings from expand=prf's).</summary>
    public static IReadOnlyList<RankingVariant> Ablations { get; } =
    [
        Default,
        Default with { Name = "stemmer: KStem", Stemmer = Stemmer.KStem },
        Default with { Name = "stemmer: English minimal", Stemmer = Stemmer.EnglishMinimal },
        Default with { Name = "stemmer: none", Stemmer = Stemmer.None },
        Default with { Name = "stop words removed (index and query)", StopWords = true },
        Default with { Name = "query-time stop words (unquoted words)", QueryStopWords = true },
        Default with { Name = "title weight 1", TitleWeight = 1f },
        Default with { Name = "title weight 3", TitleWeight = 3f },
        Default with { Name = "proximity off", Proximity = false },
        Default with { Name = "proximity slop 10", ProximitySlop = 10 },
        Default with { Name = "proximity weight 1", ProximityWeight = 1f },
        Default with { Name = "BM25 k1=2.0", K1 = 2.0f },
        Default with { Name = "BM25 k1=1.5 b=0.9", K1 = 1.5f, B = 0.9f },
        Default with { Name = "BM25 k1=0.9 b=0.4", K1 = 0.9f, B = 0.4f },
        Default with { Name = "BM25 b=0.5", B = 0.5f },
        Default with { Name = "BM25 b=0.9", B = 0.9f },
        Default with { Name = "DFR In(L2)", Scoring = Scoring.DfrInL2 },
        Default with { Name = "DFR GL2", Scoring = Scoring.DfrGL2 },
        Default with { Name = "LM Dirichlet μ=2000", Scoring = Scoring.LMDirichlet },
        Default with { Name = "IB LL", Scoring = Scoring.IBLL },
        Prf,
        Prf with { Name = "PRF w=0.5", FeedbackWeight = 0.5f },
        Prf with { Name = "PRF w=0.3", FeedbackWeight = 0.3f },
        Prf with { Name = "PRF m=10", FeedbackTerms = 10 },
        Prf with { Name = "PRF k=10", FeedbackDocs = 10 },
        Prf with { Name = "PRF no df limit", FeedbackMaxDocShare = 1.0 },
        Prf with { Name = "PRF + query-time stop words", QueryStopWords = true },
    ];
}

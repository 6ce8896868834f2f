using System.Collections.Frozen;

namespace Search.Core.Extraction;

/// <summary>
/// The verbs that attribute a statement to their subject, by class, as regex alternations kept in
/// alphabetical order (so the regex engine shares their common prefixes instead of trying each word in
/// turn), and a quick test for whether a paragraph holds one at all (most attribution patterns need one,
/// so a paragraph without any is skipped).
/// </summary>
public static class AttributionVerbs
{
    // Communication verbs: "X announced", "X testified", "X has repeatedly mentioned".
    public const string SpeechVerbs =
        "acknowledged|acknowledges|added|adds|admits|admitted|alleged|alleges|announced|announces|answered|"
        + "answers|apologized|apologizes|argued|argues|asked|asks|assured|assures|boasted|boasts|bragged|"
        + "brags|cautioned|cautions|charged|charges|claimed|claims|clarified|clarifies|commented|comments|"
        + "complained|complains|conceded|concedes|confirmed|confirms|contended|contends|countered|counters|"
        + "declared|declares|denied|denies|disclosed|discloses|emphasized|emphasizes|explained|explains|"
        + "hinted|hints|informed|informs|insisted|insists|joked|jokes|maintained|maintains|mentioned|"
        + "mentions|mused|muses|noted|notes|objected|objects|observed|observes|pleaded|pleads|posted|posts|"
        + "predicted|predicts|proclaimed|proclaims|promised|promises|protested|protests|reaffirmed|"
        + "reaffirms|reassured|reassures|recalled|recalls|recounted|recounts|reiterated|reiterates|remarked|"
        + "remarks|repeated|repeats|replied|replies|reported|reports|responded|responds|revealed|reveals|"
        + "said|says|stated|stressed|stresses|suggested|suggests|tells|testified|testifies|told|tweeted|"
        + "tweets|urged|urges|vowed|vows|warned|warns|wondered|wonders|writes|wrote";

    // Evaluation verbs, which state a judgement: "X condemned the ruling", "X called it a disgrace".
    public const string EvaluationVerbs =
        "accused|accuses|applauded|applauds|assailed|assails|attacked|attacks|bashed|bashes|blamed|blames|"
        + "blasted|blasts|called|calls|castigated|castigates|characterized|characterizes|chided|chides|"
        + "commended|commends|condemned|condemns|congratulated|congratulates|criticised|criticises|"
        + "criticized|criticizes|decried|decries|defended|defends|denounced|denounces|derided|derides|"
        + "described|describes|dismissed|dismisses|disputed|disputes|dubbed|dubs|excoriated|excoriates|"
        + "faulted|faults|hailed|hails|lambasted|lambastes|mocked|mocks|praised|praises|questioned|"
        + "questions|rebuked|rebukes|rejected|rejects|ridiculed|ridicules|scolded|scolds|slammed|slams|"
        + "thanked|thanks";

    // Stance and cognition verbs, which attribute a belief or wish: "X believes", "X opposes".
    public const string StanceVerbs =
        "agreed|agrees|believed|believes|disagreed|disagrees|doubted|doubts|expected|expects|favored|favors|"
        + "feared|fears|feels|felt|hoped|hopes|opposed|opposes|supported|supports|suspected|suspects|thinks|"
        + "thought|worried|worries";

    // Directive and commissive verbs, which attribute a demand or an undertaking: "X proposed", "X threatened",
    // "X plans". PolNeAR-style attribution counts what a person proposes, rejects or declines as a statement too.
    public const string DirectiveVerbs =
        "appealed|appeals|declined|declines|demanded|demands|encouraged|encourages|endorsed|endorses|"
        + "intended|intends|offered|offers|planned|plans|pledged|pledges|proposed|proposes|recommended|"
        + "recommends|refused|refuses|requested|requests|seeks|sought|threatened|threatens";

    // Further cues of speech and reaction: "X lamented", "X touted", "X pointed out".
    public const string OtherVerbs =
        "adding|arguing|asserted|cited|claiming|concluded|continued|discussed|discusses|echoed|emphasised|"
        + "estimated|explaining|expressed|hammered|indicated|indicates|lamented|lauded|lauds|lectured|likened|"
        + "likens|noting|pointed out|quipped|railed|rails|reacted|referred|refers|reminded|reminds|remembered|"
        + "remembers|say|saying|signaled|signalled|spoke|speaks|stating|talked|talks|telling|touted|warning|"
        + "welcomed";

    // The same lemmas after a modal or "did": "X will announce", "X did not deny".
    public const string BaseVerbs =
        "accuse|acknowledge|add|admit|agree|allege|announce|apologize|appeal|applaud|argue|ask|assail|"
        + "assure|attack|bash|believe|blame|blast|boast|brag|call|castigate|caution|characterize|charge|"
        + "chide|claim|clarify|commend|complain|concede|condemn|confirm|congratulate|contend|counter|"
        + "criticise|criticize|declare|decline|decry|defend|demand|denounce|deny|deride|describe|disagree|"
        + "disclose|dismiss|dispute|doubt|dub|emphasize|encourage|endorse|excoriate|expect|explain|fault|"
        + "favor|fear|feel|hail|hint|hope|inform|insist|intend|joke|lambaste|maintain|mention|mock|muse|"
        + "note|object|observe|offer|oppose|plan|plead|pledge|post|praise|predict|proclaim|promise|propose|"
        + "protest|question|reaffirm|reassure|rebuke|recall|recommend|recount|refuse|reiterate|reject|"
        + "remark|remember|remind|repeat|reply|report|request|reveal|ridicule|say|scold|seek|slam|state|stress|suggest|talk|"
        + "support|suspect|tell|testify|thank|think|threaten|tweet|urge|vow|warn|wonder|worry|write";

    // And after a form of "be": "X is promising", "X was arguing" (never "X was criticized by", a passive).
    public const string ProgressiveVerbs =
        "accusing|acknowledging|adding|admitting|agreeing|alleging|announcing|answering|apologizing|"
        + "appealing|applauding|arguing|asking|assailing|assuring|attacking|bashing|believing|blaming|"
        + "blasting|boasting|bragging|calling|castigating|cautioning|characterizing|charging|chiding|"
        + "claiming|clarifying|commending|commenting|complaining|conceding|condemning|confirming|"
        + "congratulating|contending|countering|criticising|criticizing|declaring|declining|decrying|"
        + "defending|demanding|denouncing|denying|deriding|describing|disagreeing|disclosing|dismissing|"
        + "disputing|doubting|dubbing|emphasizing|encouraging|endorsing|excoriating|expecting|explaining|"
        + "faulting|favoring|fearing|feeling|hailing|hinting|hoping|informing|insisting|intending|joking|"
        + "lambasting|maintaining|mentioning|mocking|musing|noting|objecting|observing|offering|opposing|"
        + "planning|pleading|pledging|posting|praising|predicting|proclaiming|promising|proposing|"
        + "protesting|questioning|reaffirming|reassuring|rebuking|recalling|recommending|recounting|"
        + "refusing|reiterating|rejecting|remarking|repeating|replying|reporting|requesting|responding|"
        + "revealing|ridiculing|saying|scolding|slamming|speaking|stating|stressing|suggesting|supporting|suspecting|"
        + "talking|"
        + "telling|testifying|thanking|thinking|threatening|tweeting|urging|vowing|warning|wondering|"
        + "worrying|writing";

    // An -ly adverb ("Smith repeatedly said"), not a noun that ends like one ("a Trump rally said").
    public const string Adverb = @"(?!(?:rally|family|ally|tally|assembly|supply|reply|daily|weekly|monthly|belly|bully|jelly|holly|folly)\b)\p{Ll}{2,}ly";

    // Auxiliaries that take the base form, and forms of "be" that take the -ing form.
    public const string Modals = @"(?:will|would|could|can|should|may|might|must|did|does|do|not|never|won['’]t|wouldn['’]t|didn['’]t|doesn['’]t|don['’]t|can['’]t|couldn['’]t)";
    // "isn’t saying", "wasn’t denying": a denied or withheld statement is attributed all the same.
    public const string BeForms = @"(?:is|was|were|are|been|be|being|get|gets|got|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)";

    /// <summary>
    /// Any attribution verb: the speech verbs and the four classes above in their finite forms, the base form
    /// after a modal ("will announce"), the -ing form after a form of "be" ("is arguing"). A form of "be"
    /// followed by a past participle is a passive ("X was criticized by Y" makes Y the source) and is not matched.
    /// </summary>
    public const string AnyVerb = @"(?:(?:" + SpeechVerbs + "|" + EvaluationVerbs + "|" + StanceVerbs + "|" + DirectiveVerbs + "|" + OtherVerbs
        + @")|" + Modals + @"[ \u00a0]+(?:not[ \u00a0]+)?(?:" + BaseVerbs + @")|" + BeForms + @"[ \u00a0]+(?:(?:not|also|still|now|" + Adverb + @")[ \u00a0]+){0,2}(?:" + ProgressiveVerbs + @"))";

    private static readonly FrozenSet<string> Finite = Words(SpeechVerbs, EvaluationVerbs, StanceVerbs, DirectiveVerbs, OtherVerbs);
    private static readonly FrozenSet<string> Base = Words(BaseVerbs);
    private static readonly FrozenSet<string> Progressive = Words(ProgressiveVerbs);

    // The letter runs that open a modal ("won’t" reads as "won" and "t") or a form of "be", as in Modals and BeForms.
    private static readonly FrozenSet<string> ModalWords = Words("will|would|could|can|should|may|might|must|did|does|do|not|never|won|wouldn|didn|doesn|don|couldn");
    private static readonly FrozenSet<string> BeWords = Words("is|was|were|are|been|be|being|get|gets|got|isn|wasn|aren|weren");
    private static readonly FrozenSet<string> BeAdverbs = Words("not|also|still|now");

    /// <summary>
    /// False only when <paramref name="text"/> holds no <see cref="AnyVerb"/>: no finite attribution verb, no
    /// modal followed by a base form, no form of "be" followed by an -ing form. It may say true for text
    /// the regex would not match (it reads letter runs and any -ly word as an adverb), never the reverse.
    /// </summary>
    public static bool MayContain(ReadOnlySpan<char> text)
    {
        var finite = Finite.GetAlternateLookup<ReadOnlySpan<char>>();
        var modal = ModalWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var be = BeWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var position = 0;
        while (NextWord(text, ref position) is { Length: > 0 } word)
        {
            if (finite.Contains(word))
            {
                return true;
            }

            if (modal.Contains(word) && FollowedByModalVerb(text, position))
            {
                return true;
            }

            if (be.Contains(word) && FollowedByProgressive(text, position))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FollowedByModalVerb(ReadOnlySpan<char> text, int position)
    {
        var next = NextWord(text, ref position);
        if (next.SequenceEqual("t"))
        {
            next = NextWord(text, ref position);
        }

        if (next.SequenceEqual("not"))
        {
            next = NextWord(text, ref position);
        }

        return Base.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
    }

    private static bool FollowedByProgressive(ReadOnlySpan<char> text, int position)
    {
        var adverbs = BeAdverbs.GetAlternateLookup<ReadOnlySpan<char>>();
        var next = NextWord(text, ref position);
        if (next.SequenceEqual("t"))
        {
            next = NextWord(text, ref position);
        }

        for (var skipped = 0; skipped < 2 && (adverbs.Contains(next) || next.EndsWith("ly")); skipped++)
        {
            next = NextWord(text, ref position);
        }

        return Progressive.GetAlternateLookup<ReadOnlySpan<char>>().Contains(next);
    }

    /// <summary>The next run of letters at or after <paramref name="position"/>, which is moved past it; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && !char.IsLetter(text[position]))
        {
            position++;
        }

        var start = position;
        while (position < text.Length && char.IsLetter(text[position]))
        {
            position++;
        }

        return text[start..position];
    }

    private static FrozenSet<string> Words(params string[] alternations) =>
        alternations.SelectMany(a => a.Split('|')).Select(w => w.Split(' ')[0]).ToFrozenSet(StringComparer.Ordinal);
}

using System.Collections.Frozen;
using PolicyTracker.Extraction.Gazetteers;

namespace PolicyTracker.Extraction.Resolutions;

/// <summary>Verbs by which a meeting or its chair issues a directive, and the verbs of acting on documents.</summary>
internal static class DirectiveVerbs
{
    public static readonly FrozenSet<string> Directive = Lexicon.Words("directiveVerbs");

    public static readonly FrozenSet<string> Call = Lexicon.Words("callVerbs");

    /// <summary>"raised", "kept", "cut": verbs of a rate decision when their object names a rate.</summary>
    public static readonly FrozenSet<string> Rate = Lexicon.Words("rateVerbs");

    public static readonly FrozenSet<string> Say = Lexicon.Words("speechVerbs");

    public static readonly FrozenSet<string> PassiveDirective = Lexicon.Words("passiveDirectiveVerbs");

    public static readonly FrozenDictionary<string, DocumentAction> DocumentVerbs = Lexicon.DocumentVerbs();

    public static readonly FrozenSet<string> DocumentKinds = Lexicon.Words("documentNouns");

    /// <summary>Sums of money ("budget", "allocation"): approving one for a purpose is a resolution.</summary>
    public static readonly FrozenSet<string> AllocationNouns = Lexicon.Words("allocationNouns");

    /// <summary>Verbs whose object is a directive by their meaning alone ("called for", "decided", "instructed");
    /// "urged", "stressed" or "approved" take assessments and projects as often.</summary>
    public static readonly FrozenSet<string> Strong = Lexicon.Words("strongDirectiveVerbs");

    /// <summary>"deferred", "postponed", "rejected": verbs by which a meeting withholds a decision. They issue nothing,
    /// and after "and" they start a new clause ("approved X and deferred a decision on Y").</summary>
    public static readonly FrozenSet<string> Deferral = Lexicon.Words("deferralVerbs");

    public static bool IsActionVerb(string lower) => Directive.Contains(lower) || Call.Contains(lower) || DocumentVerbs.ContainsKey(lower) || lower is "gave" or "granted";

    public static bool IsDocumentKind(string lower) => DocumentKinds.Contains(lower) && lower is not ("measures" or "procedures" or "initiative" or "package" or "scheme" or "white");

    /// <summary>"measures", "package": document nouns only in a series of documents (see <c>DocumentParser.Split</c>).</summary>
    public static bool IsWeakDocumentKind(string lower) => DocumentKinds.Contains(lower) && !IsDocumentKind(lower) && lower != "white";

    /// <summary>Singular kind for a head noun ("regulations" -> "regulation").</summary>
    public static string KindOf(string lower) => lower switch
    {
        "rules" => "rules",
        "provisions" => "provisions",
        "recommendations" => "recommendations",
        "policies" => "policy",
        "strategies" => "strategy",
        _ when lower.EndsWith('s') && lower.Length > 4 => lower[..^1],
        _ => lower,
    };
}

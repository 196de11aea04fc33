using System.Collections.Frozen;

namespace PolicyTracker.Extraction.Resolutions;

/// <summary>Verbs by which a meeting or its chair issues a directive, and the verbs of acting on documents.</summary>
internal static class DirectiveVerbs
{
    public static readonly FrozenSet<string> Directive = new[]
    {
        "urged", "urges", "stressed", "emphasized", "emphasised", "emphasizes", "emphasises", "underlined", "underlines",
        "underscored", "underscores", "demanded", "required", "asked", "instructed", "instructs",
        "ordered", "requested", "requests", "directed", "pledged", "vowed", "decided",
        "decides", "agreed", "agrees", "approved", "approves", "confirmed", "resolved", "mandated", "tasked",
        "reiterated", "warned",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Call = new[] { "called", "calls", "call" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Say = new[] { "said", "says", "noted", "notes", "stated", "states", "added" }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> PassiveDirective = new[]
    {
        "urged", "asked", "required", "instructed", "ordered", "requested", "directed", "told", "tasked", "encouraged",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenDictionary<string, DocumentAction> DocumentVerbs = new Dictionary<string, DocumentAction>(StringComparer.Ordinal)
    {
        ["adopted"] = DocumentAction.Adopted,
        ["adopts"] = DocumentAction.Adopted,
        ["adopt"] = DocumentAction.Adopted,
        ["reviewed"] = DocumentAction.Reviewed,
        ["reviews"] = DocumentAction.Reviewed,
        ["review"] = DocumentAction.Reviewed,
        ["approved"] = DocumentAction.Approved,
        ["approves"] = DocumentAction.Approved,
        ["approve"] = DocumentAction.Approved,
        ["endorsed"] = DocumentAction.Approved,
        ["cleared"] = DocumentAction.Approved,
        ["clears"] = DocumentAction.Approved,
        ["okayed"] = DocumentAction.Approved,
        ["ratified"] = DocumentAction.Approved,
        ["discussed"] = DocumentAction.Discussed,
        ["discusses"] = DocumentAction.Discussed,
        ["discuss"] = DocumentAction.Discussed,
        ["deliberated"] = DocumentAction.Deliberated,
        ["deliberates"] = DocumentAction.Deliberated,
        ["deliberate"] = DocumentAction.Deliberated,
        ["passed"] = DocumentAction.Passed,
        ["passes"] = DocumentAction.Passed,
        ["pass"] = DocumentAction.Passed,
        ["issued"] = DocumentAction.Issued,
        ["issues"] = DocumentAction.Issued,
        ["issue"] = DocumentAction.Issued,
        ["considered"] = DocumentAction.Discussed,
        ["examined"] = DocumentAction.Reviewed,
        ["heard"] = DocumentAction.Reviewed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly FrozenSet<string> DocumentKinds = new[]
    {
        "document", "documents", "guideline", "guidelines", "plan", "plans", "opinion", "opinions", "regulation", "regulations", "law", "laws",
        "report", "reports", "bill", "bills", "draft", "drafts", "decision", "decisions", "list", "lists", "agenda", "strategy", "strategies",
        "program", "programs", "programme", "programmes", "policy", "policies", "proposal", "proposals", "rules", "provisions", "budget",
        "budgets", "resolution", "resolutions", "recommendations", "communique", "communiqué", "outline", "paper", "amendment",
        "amendments", "revision", "revisions", "ordinance", "ordinances", "directive", "directives", "code", "notice", "circular", "constitution", "charter",
        "treaty", "roadmap", "framework", "blueprint", "declaration", "act", "decree", "decrees", "statute", "measures", "procedures",
        "white", "motion", "motions", "concept", "doctrine", "catalogue", "catalog", "interpretation", "protocol", "convention", "agreement", "accord", "memorandum", "initiative", "scheme", "package",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsActionVerb(string lower) => Directive.Contains(lower) || Call.Contains(lower) || DocumentVerbs.ContainsKey(lower) || lower is "gave" or "granted";

    public static bool IsDocumentKind(string lower) => DocumentKinds.Contains(lower) && lower is not ("measures" or "procedures" or "initiative" or "package" or "scheme" or "white");

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

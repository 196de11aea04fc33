using System.Text;
using PolicyTracker.Extraction.Bodies;
using PolicyTracker.Extraction.Meetings;
using PolicyTracker.Extraction.Resolutions;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Documents;

/// <summary>Splits the object of a document verb into documents: series ("a guideline on A, an
/// opinion on B and a plan on C"), "another one on Y", appositives ("a policy, the National
/// Policy 2019"), and distributes a shared head ("the work reports of A, B and C").</summary>
internal static class DocumentParser
{
    internal readonly record struct Item(int First, int Last, string Title, string? Kind, bool IsDocument, bool IsSummary);

    private static readonly string[] NumberWords = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "both", "many", "multiple", "some"];

    private static readonly System.Collections.Frozen.FrozenSet<string> Quantities = Gazetteers.Lexicon.Words("documentQuantities");

    private static readonly System.Collections.Frozen.FrozenSet<string> CircumstanceParticiples = Gazetteers.Lexicon.Words("documentCircumstanceParticiples");

    /// <summary>"an agreement signed in Paris, France, on 3 May 2020, between A and B": where the
    /// circumstance of the document's signing ends (after its closing comma), or -1 when the words at
    /// <paramref name="k"/> are not one. The title goes on after it.</summary>
    public static int CircumstanceEnd(List<Token> tokens, int k, int last)
    {
        if (k + 3 >= last || !tokens[k].IsWord || !CircumstanceParticiples.Contains(tokens[k].Lower) || tokens[k + 1].Lower is not ("in" or "at" or "on"))
        {
            return -1;
        }

        var sawDate = false;
        for (var j = k + 2; j < last && j <= k + 16; j++)
        {
            var t = tokens[j];
            if (t.Kind == TokenKind.Number || Dates.DateWords.Month(t.Lower) > 0)
            {
                sawDate = true;
                continue;
            }

            if (t.Text == ",")
            {
                // The comma after the date closes it; a comma between place names ("Kigali, Rwanda") does not.
                if (sawDate)
                {
                    return j + 1 < last && tokens[j + 1].IsWord && !tokens[j + 1].IsCap ? j + 1 : -1;
                }

                continue;
            }

            if (t.IsCap || t.Text is "/" or "-" or "." || t.IsWord && t.Lower is "on" or "of" or "the" || t.IsWord && t.Lower.Length <= 4 && t.Lower.EndsWith("th", StringComparison.Ordinal) || t.Lower is "st" or "nd" or "rd" or "th")
            {
                continue;
            }

            return -1;
        }

        return -1;
    }

    // ", w and w of ..." or ", w and w NOUN": bare lower-case words (no article, verb or participle) joined by
    // "and" and followed by what they share.
    internal static bool IsInnerSeries(List<Token> tokens, int comma, int last)
    {
        if (comma + 4 >= last || tokens[comma + 2].Lower != "and")
        {
            return false;
        }

        var w1 = tokens[comma + 1];
        var w2 = tokens[comma + 3];
        var after = tokens[comma + 4];
        static bool Bare(Token t) => t.IsWord && !t.IsCap && t.Lower.Length > 2 && !t.Lower.EndsWith("ed", StringComparison.Ordinal) && !t.Lower.EndsWith("ing", StringComparison.Ordinal)
            && !IsItemStart(t) && !DirectiveVerbs.IsActionVerb(t.Lower) && t.Lower is not ("also" or "then" or "which" or "who" or "that" or "said" or "this" or "these" or "those");
        return Bare(w1) && Bare(w2) && (after.Lower == "of" || Bare(after) && comma + 5 < last && !tokens[comma + 5].IsWord);
    }

    // Lower case: "Ten Thousand Villages" inside a title counts nothing.
    private static bool IsNumberWord(Token t) => t.IsWord && !t.IsCap && Array.IndexOf(NumberWords, t.Lower) >= 0 && t.Lower is not ("both" or "some" or "many");

    private static bool HasWord(List<Token> tokens, int first, int last, string word) => IndexOfWord(tokens, first, last, word) >= 0;

    /// <summary>"a number of", "a set of", "a batch of": a quantity noun before the documents it counts.</summary>
    public static bool IsQuantity(string lower) => Quantities.Contains(lower);

    /// <summary>Where the object starting at <paramref name="start"/> ends.</summary>
    public static int ObjectEnd(List<Token> tokens, int start, int last)
    {
        var words = 0;
        for (var k = start; k < last; k++)
        {
            var t = tokens[k];
            var next = k + 1 < last ? tokens[k + 1] : default;
            if (t.Text is ";" or ":" || (t.Text == "." && k == last - 1))
            {
                return k;
            }

            var circumstance = t.IsWord && k > start ? CircumstanceEnd(tokens, k, last) : -1;
            if (circumstance > 0)
            {
                k = circumstance - 1;
                continue;
            }

            if (t.Text == "," && next.IsWord)
            {
                var nl = next.Lower;

                // "its key tasks, and ten measures to ...": a counted item goes on the list.
                if (IsNumberWord(next) || nl == "and" && k + 2 < last && IsNumberWord(tokens[k + 2]))
                {
                    continue;
                }

                // "the organisation, powers and functions of X", "the micro, small and medium enterprises": a
                // series of bare words inside the title goes on to the word or "of" they share.
                if (IsInnerSeries(tokens, k, last))
                {
                    continue;
                }

                // "work plans on A, on B and on C": the series of the same preposition goes on.
                if ((nl == "on" || nl == "and" && k + 2 < last && tokens[k + 2].Lower == "on") && (HasWord(tokens, start, k, "on") || start > 0 && tokens[start - 1].Lower == "on"))
                {
                    continue;
                }

                if (nl is "a" or "an" or "the" or "another" or "and" or "its" or "their" || nl == "as" && k + 2 < last && tokens[k + 2].Lower == "well"
                    || nl == "together" || nl == "along" || nl == "plus" || (next.IsCap && !IsVerb(next)))
                {
                    if (nl == "and" && k + 2 < last && (IsVerb(tokens[k + 2]) || !(tokens[k + 2].IsCap || tokens[k + 2].Lower is "a" or "an" or "the" or "another" or "its" or "their")))
                    {
                        return k;
                    }

                    continue;
                }

                // "another draft, which revises ..." keeps its clause: the head alone says nothing.
                if (nl is "which" or "who" && words <= 2)
                {
                    continue;
                }

                return k;
            }

            if (t.IsWord && t.Lower is "after" or "before" or "when" or "while" or "because" or "so" && k > start)
            {
                return k;
            }

            // "a statement on Ukraine that widened export curbs": a relative clause describes the document, it is no part of its title.
            if (t.IsWord && t.Lower == "that" && words >= 2 && next.IsWord && next.Lower.EndsWith("ed", StringComparison.Ordinal))
            {
                return k;
            }

            if (t.IsWord && t.Lower == "and" && next.IsWord && (IsVerb(next) || next.Lower is "then" or "also" or "later"))
            {
                return k;
            }

            // "deliberated on the draft in depth", "discussed the plan at length": a manner phrase ends the object.
            if (k > start && t.IsWord && (t.Lower == "in" && next.Lower is "depth" or "detail" or "principle" || t.Lower == "at" && next.Lower == "length"))
            {
                return k;
            }

            // "approved the work report and fully affirmed ...": "and", a manner adverb, a finite verb is a new clause.
            if (t.IsWord && t.Lower == "and" && IsMannerAdverb(next) && k + 2 < last && IsFiniteVerb(tokens[k + 2]))
            {
                return k;
            }

            // "a joint communique signed by three members", "a statement adopted by the leaders": the participle
            // and its agent describe the document; they are no part of its title.
            if (k > start && words >= 1 && IsParticipleWithAgent(tokens, k, last))
            {
                return k;
            }

            if (k > start && MeetingWords.IsMeetingFrame(tokens, k, last))
            {
                return k;
            }

            if (t.IsWord)
            {
                words++;
            }
        }

        return last;
    }

    private static bool IsGerund(Token t) => t.IsWord && !t.IsCap && t.Lower.Length > 5 && t.Lower.EndsWith("ing", StringComparison.Ordinal) && t.Lower is not ("during" or "including" or "regarding" or "concerning");

    private static bool IsMannerAdverb(Token t) => t.IsWord && !t.IsCap && t.Lower.Length > 4 && t.Lower.EndsWith("ly", StringComparison.Ordinal) && t.Lower is not ("only" or "early" or "family" or "assembly" or "supply" or "italy");

    private static bool IsFiniteVerb(Token t) => t.IsWord && !t.IsCap && (IsVerb(t) || t.Lower.Length > 4 && t.Lower.EndsWith("ed", StringComparison.Ordinal));

    /// <summary>A participle of signing or adopting followed by its agent ("signed by", "adopted jointly by").</summary>
    internal static bool IsParticipleWithAgent(List<Token> tokens, int k, int last)
    {
        var t = tokens[k];
        // "a plan that had been approved by X" is a relative clause of the title, not a reduced participle.
        if (!t.IsWord || t.IsCap || k + 1 >= last || k > 0 && tokens[k - 1].Lower is "been" or "be" or "was" or "were" or "is" or "are" or "had" or "has" or "have" or "that" or "which")
        {
            return false;
        }

        // Only the participles of signing and adopting: "proposals raised by deputies" and "a proposal presented by
        // the minister" keep their agent, which tells one proposal from another.
        var participle = CircumstanceParticiples.Contains(t.Lower) || t.Lower is "adopted" or "issued" or "approved" or "endorsed" or "ratified";
        if (!participle)
        {
            return false;
        }

        var by = k + 1;
        if (tokens[by].Lower is "jointly" or "unanimously" && by + 1 < last)
        {
            by++;
        }

        return tokens[by].Lower == "by";
    }

    private static bool IsVerb(Token t) => t.IsWord && (DirectiveVerbs.IsActionVerb(t.Lower) || DirectiveVerbs.Deferral.Contains(t.Lower) || t.Lower is "promulgated" or "decided" or "voted" or "submitted" or "referred" or "sent" or "gave" or "called" or "urged" or "asked" or "signed");

    /// <summary>
    /// "the Standing Committee's work report for 2025" is the "work report of the Standing Committee for 2025": a body
    /// that possesses a document is its author, written after the head as "of". A bare lower-case head ("the
    /// committee's work report") that names the meeting's own body is that body. Other possessors ("the country's
    /// plan") are part of the title and stay. Null when the phrase has no such possessor.
    /// </summary>
    internal static string? PossessedTitle(Analysis a, int first, int last, string? meetingBody)
    {
        var tokens = a.Tokens;
        var pos = -1;
        for (var k = first + 1; k < last && k <= first + 8; k++)
        {
            if (tokens[k].Lower == "'s")
            {
                pos = k;
                break;
            }

            if (!tokens[k].IsWord || tokens[k].Lower is "on" or "for" or "to" or "by" or "with" or "that" or "which")
            {
                return null;
            }
        }

        if (pos < 0 || pos + 1 >= last || !BodyPhraseFinder.OrgHeads.Contains(tokens[pos - 1].Lower))
        {
            return null;
        }

        string possessor;
        if (tokens[first].IsCap)
        {
            for (var k = first; k < pos; k++)
            {
                if (!tokens[k].IsCap && tokens[k].Lower is not ("of" or "the" or "and" or "on" or "for"))
                {
                    return null;
                }
            }

            possessor = Text(a, first, pos);
        }
        else if (pos == first + 1 && meetingBody is not null && HasWholeWord(meetingBody, tokens[first].Lower))
        {
            possessor = meetingBody;
        }
        else
        {
            return null;
        }

        // The possessed head runs to its first preposition or punctuation: "work report | for 2025".
        var headEnd = pos + 1;
        while (headEnd < last && tokens[headEnd].IsWord && tokens[headEnd].Lower is not ("on" or "of" or "for" or "to" or "from" or "in" or "at" or "by" or "with" or "regarding" or "concerning" or "and"))
        {
            headEnd++;
        }

        if (headEnd == pos + 1 || !DirectiveVerbs.IsDocumentKind(tokens[headEnd - 1].Lower))
        {
            return null;
        }

        var title = Text(a, pos + 1, headEnd) + " of the " + possessor;
        return headEnd < last ? title + " " + TitleText(a, headEnd, last) : title;
    }

    private static bool HasWholeWord(string text, string word)
    {
        foreach (var w in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(w, word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static List<Item> Split(Analysis a, int start, int end, DocumentDraft? previous, string? meetingBody = null)
    {
        var tokens = a.Tokens;
        var pieces = new List<(int First, int Last)>();
        var pieceStart = start;
        var quoted = false;
        var parens = 0;
        var between = false;
        for (var k = start; k < end; k++)
        {
            var t = tokens[k];
            int skip;

            // A quoted title ("Opinions of X and Y on Z") and a parenthesis are one name, never split.
            if (t.Text is "\"" or "\u201C" or "\u201D")
            {
                quoted = t.Text == "\"" ? !quoted : t.Text == "\u201C";
                continue;
            }

            parens += t.Text == "(" ? 1 : t.Text == ")" && parens > 0 ? -1 : 0;
            if (quoted || parens > 0)
            {
                continue;
            }

            // "an agreement between A and B (and C)": after "between", an "and" joins the parties; only a phrase with a
            // document head of its own ("..., and a law on X") starts the next item.
            if (t.IsWord && t.Lower == "between")
            {
                between = true;
                continue;
            }

            var circumstance = CircumstanceEnd(tokens, k, end);
            if (circumstance > 0)
            {
                k = circumstance - 1;
                continue;
            }

            if ((VerbOnSeparator(tokens, start, k, end, out skip) || OnSeriesSeparator(tokens, pieceStart, k, end, out skip) || IsSeparator(tokens, k, end, out skip))
                && (!between || HeadKind(tokens, k + skip, Math.Min(end, k + skip + 5)) is not null))
            {
                if (k > pieceStart)
                {
                    pieces.Add((pieceStart, k));
                }

                pieceStart = k + skip;
                k = pieceStart - 1;
                between = false;
            }

            _ = t;
        }

        if (end > pieceStart)
        {
            pieces.Add((pieceStart, end));
        }

        var items = new List<Item>();
        string? previousKind = previous?.Kind;
        for (var p = 0; p < pieces.Count; p++)
        {
            var (first, last) = pieces[p];
            while (first < last && (tokens[first].Text is "," or "\"" or "\u201C" || (tokens[first].IsWord && tokens[first].Lower is "a" or "an" or "the" or "their" or "its" or "this" or "these" or "those" or "his" or "her" or "all" or "on")))
            {
                first++;
            }

            // "a number of regulations", "a set of opinions on X": the documents are what the set holds.
            if (first + 2 < last && Quantities.Contains(tokens[first].Lower) && tokens[first + 1].Lower == "of")
            {
                first += 2;
            }

            while (last > first && (tokens[last - 1].IsPunct || tokens[last - 1].Lower is "itself" or "themselves" or "too" or "also")
                && !(tokens[last - 1].Text is ")" or "\"" or "\u201D" && OpensParenthesis(tokens, first, last - 1)))
            {
                last--;
            }

            if (last <= first)
            {
                continue;
            }

            var firstLower = tokens[first].Lower;
            // "adopted three documents: ..." counts what follows; "its key tasks, and ten measures to X" is a further item.
            var summary = (p == 0 || !items.Exists(x => x.IsDocument))
                && (Array.IndexOf(NumberWords, firstLower) >= 0 || (tokens[first].Kind == TokenKind.Number && first + 1 < last && tokens[first + 1].Lower.EndsWith('s')));

            // "another one on Y", "another on Y", "the other one, a revised draft ..."
            if (firstLower is "another" or "other")
            {
                var rest = first + 1;
                if (rest < last && tokens[rest].Lower == "one")
                {
                    rest++;
                }

                if (rest >= last && p + 1 < pieces.Count)
                {
                    continue; // the appositive that follows names it
                }

                var restKind = rest < last ? HeadKind(tokens, rest, last) : null;
                if (restKind is not null)
                {
                    items.Add(new Item(rest, last, TitleText(a, rest, last), restKind, true, false));
                    previousKind = restKind;
                    continue;
                }

                var kind = previousKind ?? "document";
                var title = rest < last ? kind + " " + Text(a, rest, last) : kind;
                items.Add(new Item(first, last, title, kind, true, false));
                continue;
            }

            // "the first batch of plans": the ordinal names which set, so the title keeps it; the kind is what the set holds.
            var headFrom = first + 3 < last && tokens[first].Lower is "first" or "second" or "third" or "new" or "final" or "latest" or "next" or "further"
                && Quantities.Contains(tokens[first + 1].Lower) && tokens[first + 2].Lower == "of" ? first + 3 : first;
            var head = HeadKind(tokens, headFrom, last);
            if (head is not null)
            {
                previousKind = head;
            }

            // "the National Strategy, a 40-page document that sets out ...": an indefinite generic noun with a relative
            // clause describes the title before it; it is not a second document.
            if (head is not null && p > 0 && items.Count > 0 && items[^1].IsDocument && IsDescriptiveAppositive(tokens, pieces[p].First, last))
            {
                continue;
            }

            var titleText = head is not null && PossessedTitle(a, first, last, meetingBody) is { } possessed ? possessed : TitleText(a, first, last);
            items.Add(new Item(first, last, titleText, head, head is not null, summary));
        }

        // "the work report, its key tasks and ten measures to X": "measures" or a "package" is a document when it is one
        // of a series of documents the meeting acted on, not when it stands alone ("adopted measures to X").
        if (items.Exists(x => x.IsDocument && !x.IsSummary))
        {
            for (var i = 0; i < items.Count; i++)
            {
                var it = items[i];
                if (!it.IsDocument && !it.IsSummary && GenericHead(tokens, it.First, it.Last) is { } weak && DirectiveVerbs.IsWeakDocumentKind(weak))
                {
                    items[i] = it with { Kind = DirectiveVerbs.KindOf(weak), IsDocument = true };
                }
            }
        }

        // "the draft documents and personnel plan for X" -> "draft documents for X", "personnel plan for X".
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            if (!it.IsDocument)
            {
                continue;
            }

            var and = -1;
            var prep = -1;
            for (var k = it.First; k < it.Last; k++)
            {
                var l = tokens[k].Lower;
                if (l == "and" && and < 0 && k > it.First && DirectiveVerbs.IsDocumentKind(tokens[k - 1].Lower))
                {
                    and = k;
                }
                else if (l is "for" or "on" or "of" && and > 0)
                {
                    prep = k;
                    break;
                }
                else if (tokens[k].IsPunct)
                {
                    break;
                }
            }

            if (and > 0 && prep > and + 1 && DirectiveVerbs.IsDocumentKind(tokens[prep - 1].Lower))
            {
                var tail = Text(a, prep, it.Last);
                var left = Text(a, it.First, and) + " " + tail;
                var right = Text(a, and + 1, prep) + " " + tail;
                items[i] = it with { Title = left, Kind = DirectiveVerbs.KindOf(tokens[and - 1].Lower) };
                items.Insert(i + 1, new Item(and + 1, it.Last, right, DirectiveVerbs.KindOf(tokens[prep - 1].Lower), true, false));
                i++;
            }
        }

        // "work plans for the year on A, on B and on C" -> "work plan for the year on A", "... on B", "... on C".
        var distributedOn = -1;
        for (var i = 1; i < items.Count; i++)
        {
            var it = items[i];
            if (it.IsDocument || it.IsSummary || it.First == 0 || tokens[it.First - 1].Lower != "on")
            {
                continue;
            }

            var owner = items[i - 1];
            var on = owner.IsDocument ? IndexOfWord(tokens, owner.First, owner.Last, "on") : -1;
            if (on <= owner.First)
            {
                continue;
            }

            var shared = SingularHead(TitleText(a, owner.First, on));
            items[i] = it with { Title = shared + " on " + it.Title, Kind = owner.Kind, IsDocument = true, First = owner.First };
            if (distributedOn != i - 1)
            {
                items[i - 1] = owner with { Title = shared + " " + TitleText(a, on, owner.Last) };
            }

            distributedOn = i;
        }

        // "House Bill 10456, the proposed Open Access Act": a numbered designation and the name after it are one bill.
        for (var i = 0; i + 1 < items.Count; i++)
        {
            var x = items[i];
            var y = items[i + 1];
            if (x.IsDocument && (y.IsDocument || tokens[y.Last - 1].Text is "Act" or "Bill" or "Law" or "Code") && tokens[x.First].IsCap && tokens[x.Last - 1].Kind == TokenKind.Number
                && y.First >= x.Last + 2 && tokens[x.Last].Text == "," && tokens[y.First - 1].Lower == "the"
                && (tokens[y.First].IsCap || tokens[y.First].Lower is "proposed" or "draft"))
            {
                items[i] = x with { Last = y.Last, Title = TitleText(a, x.First, y.Last) };
                items.RemoveAt(i + 1);
            }
        }

        // An appositive proper name of the same kind replaces the description before it.
        for (var i = 0; i + 1 < items.Count; i++)
        {
            var x = items[i];
            var y = items[i + 1];
            if (x.IsDocument && y.IsDocument && x.Kind == y.Kind && !tokens[x.First].IsCap && tokens[y.First].IsCap && y.First > x.Last && tokens[y.First - 1].Lower == "the" && tokens[y.First - 2].Text == ",")
            {
                items[i] = y;
                items.RemoveAt(i + 1);
            }
        }

        // "documents on speeding up A and strengthening B" -> "document on speeding up A", "document on strengthening B":
        // the plural generic head with two gerund subjects names a document for each.
        for (var i = 0; i < items.Count; i++)
        {
            var it = items[i];
            if (!it.IsDocument || it.Last - it.First < 5 || tokens[it.First].Lower != "documents" || tokens[it.First + 1].Lower != "on" || !IsGerund(tokens[it.First + 2]))
            {
                continue;
            }

            for (var k = it.First + 3; k + 1 < it.Last; k++)
            {
                if (tokens[k].Lower == "and" && IsGerund(tokens[k + 1]))
                {
                    items[i] = it with { Last = k, Title = "document on " + Text(a, it.First + 2, k), Kind = "document" };
                    items.Insert(i + 1, it with { First = k + 1, Title = "document on " + Text(a, k + 1, it.Last), Kind = "document" });
                    i++;
                    break;
                }
            }
        }

        // "The work reports of A, B and C" -> a work report of each.
        if (items.Count > 1 && items[0].IsDocument)
        {
            var of = IndexOfWord(tokens, items[0].First, items[0].Last, "of");
            if (of > items[0].First)
            {
                var headText = Singular(Text(a, items[0].First, of));
                var distributed = false;
                for (var i = 1; i < items.Count; i++)
                {
                    if (!items[i].IsDocument && !items[i].IsSummary)
                    {
                        distributed = true;
                        var it = items[i];
                        var lead = tokens[it.First - 1].Lower == "the" ? "the " : string.Empty;
                        items[i] = it with { Title = headText + " of " + lead + it.Title, Kind = items[0].Kind, IsDocument = true };
                    }
                }

                if (distributed && items.Skip(1).All(x => x.IsDocument))
                {
                    items[0] = items[0] with { Title = Singular(Text(a, items[0].First, of)) + " " + Text(a, of, items[0].Last) };
                }
            }
        }

        // "the draft documents for the committee's first congress" after "the Party Committee of X" was named: the
        // possessive points back to the body named with that head.
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsDocument && PossessiveBackReference(a, start, items[i].Title) is { } resolved)
            {
                items[i] = items[i] with { Title = resolved };
            }
        }

        // "a plan for the training of X, and another document on the rules for that training": a demonstrative points
        // back to the phrase an earlier title of the list named in full.
        for (var i = 1; i < items.Count; i++)
        {
            if (items[i].IsDocument && Demonstrative(items[i].Title, items.Skip(Math.Max(0, i - 8)).Take(Math.Min(i, 8)).Select(x => x.Title)) is { } resolved)
            {
                items[i] = items[i] with { Title = resolved };
            }
        }

        return items;
    }

    // "work plans for the year" -> "work plan for the year": the noun before the first preposition.
    /// <summary>"documents for the committee's first congress for 2025" -> "documents for the first congress of the
    /// Party Committee of X for 2025", when "the Party Committee of X" is named earlier in the sentence.</summary>
    private static string? PossessiveBackReference(Analysis a, int start, string title)
    {
        var tokens = a.Tokens;
        var at = title.IndexOf(" the ", StringComparison.Ordinal);
        while (at >= 0)
        {
            var rest = title[(at + 5)..];
            var apostrophe = rest.IndexOf("'s ", StringComparison.Ordinal);
            var head = apostrophe > 0 ? rest[..apostrophe] : string.Empty;
            if (head.Length > 0 && !head.Contains(' ', StringComparison.Ordinal) && char.IsLower(head[0]) && BodyPhraseFinder.OrgHeads.Contains(head)
                && Antecedent(a, start, head) is { } body)
            {
                var possessed = rest[(apostrophe + 3)..];
                var cut = possessed.Length;
                foreach (var prep in new[] { " for ", " on ", " of ", " in ", " to ", " from " })
                {
                    var p = possessed.IndexOf(prep, StringComparison.Ordinal);
                    if (p > 0 && p < cut)
                    {
                        cut = p;
                    }
                }

                return title[..at] + " the " + possessed[..cut] + " of the " + body + possessed[cut..];
            }

            at = title.IndexOf(" the ", at + 1, StringComparison.Ordinal);
        }

        return null;
    }

    // The nearest capitalised name before the title, in the same sentence, whose head is the word ("Committee").
    private static string? Antecedent(Analysis a, int start, string head)
    {
        var tokens = a.Tokens;
        for (var k = start - 1; k >= 0 && k >= start - 120 && tokens[k].Text is not ("." or "!" or "?"); k--)
        {
            if (!tokens[k].IsCap || tokens[k].Lower != head)
            {
                continue;
            }

            var first = k;
            while (first - 1 >= 0 && tokens[first - 1].IsCap && tokens[first - 1].IsWord)
            {
                first--;
            }

            var last = k + 1;
            while (last + 1 < start && tokens[last].Lower is "of" or "for" && (tokens[last + 1].IsCap || tokens[last + 1].Lower == "the"))
            {
                var j = tokens[last + 1].Lower == "the" ? last + 2 : last + 1;
                if (j >= start || !tokens[j].IsCap)
                {
                    break;
                }

                while (j < start && tokens[j].IsCap && tokens[j].IsWord)
                {
                    j++;
                }

                last = j;
            }

            return Text(a, first, last);
        }

        return null;
    }

    /// <summary>"... for that training" after "... the training of X": the title with "the training of X".</summary>
    internal static string? Demonstrative(string title, IEnumerable<string> earlier)
    {
        foreach (var marker in new[] { " that ", " this " })
        {
            var at = title.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var noun = title[(at + marker.Length)..];
            if (noun.Length < 3 || noun.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var e in earlier)
            {
                var k = e.IndexOf(" " + noun + " ", StringComparison.Ordinal);
                if (k >= 0 && e.AsSpan(k + noun.Length + 2).StartsWith("of ", StringComparison.Ordinal))
                {
                    return title[..at] + " the " + e[(k + 1)..];
                }
            }
        }

        return null;
    }

    private static bool IsDescriptiveAppositive(List<Token> tokens, int first, int last)
    {
        var k = first;
        while (k < last && tokens[k].Text == ",")
        {
            k++;
        }

        if (k >= last || tokens[k].Lower is not ("a" or "an"))
        {
            return false;
        }

        for (var j = k + 1; j + 1 < last && j <= k + 5; j++)
        {
            if (tokens[j].Lower is "document" or "paper" or "text" or "blueprint")
            {
                return tokens[j + 1].Lower is "that" or "which" or "setting" or "outlining" or "laying" or "describing" or "spelling";
            }
        }

        return false;
    }

    /// <summary>True when [first, last) leaves a "(" or a quotation open: the closing mark after it belongs to the title
    /// ("Association (IDA)", "the "Opinions on X"").</summary>
    private static bool OpensParenthesis(List<Token> tokens, int first, int last)
    {
        var depth = 0;
        var quoted = false;
        for (var k = first; k < last; k++)
        {
            depth += tokens[k].Text == "(" ? 1 : tokens[k].Text == ")" && depth > 0 ? -1 : 0;
            quoted = tokens[k].Text switch
            {
                "\"" => !quoted,
                "\u201C" => true,
                "\u201D" => false,
                _ => quoted,
            };
        }

        return tokens[last].Text == ")" ? depth > 0 : quoted;
    }

    private static string SingularHead(string s)
    {
        foreach (var prep in (string[])[" for ", " of ", " on ", " in "])
        {
            var i = s.IndexOf(prep, StringComparison.Ordinal);
            if (i > 0)
            {
                return Singular(s[..i]) + s[i..];
            }
        }

        return Singular(s);
    }

    private static string Singular(string s)
    {
        var i = s.LastIndexOf(' ');
        var last = i < 0 ? s : s[(i + 1)..];
        var lower = last.ToLowerInvariant();
        if (lower.EndsWith('s') && DirectiveVerbs.DocumentKinds.Contains(lower) && lower is not ("rules" or "provisions" or "recommendations"))
        {
            return s[..^1];
        }

        return s;
    }

    private static int IndexOfWord(List<Token> tokens, int first, int last, string word)
    {
        for (var k = first; k < last; k++)
        {
            if (tokens[k].Lower == word)
            {
                return k;
            }
        }

        return -1;
    }

    // "were briefed on A, on B, and on C": after a verb's "on", each further "on" starts the verb's next object.
    private static bool VerbOnSeparator(List<Token> tokens, int start, int k, int end, out int skip)
    {
        skip = 0;
        if (start == 0 || tokens[start - 1].Lower != "on" || k + 2 >= end)
        {
            return false;
        }

        if (tokens[k].Lower == "and" && tokens[k + 1].Lower == "on")
        {
            skip = 1;
            return true;
        }

        if (tokens[k].Text != ",")
        {
            return false;
        }

        if (tokens[k + 1].Lower == "on")
        {
            skip = 1;
            return true;
        }

        if (tokens[k + 1].Lower == "and" && tokens[k + 2].Lower == "on")
        {
            skip = 2;
            return true;
        }

        return false;
    }

    // "work plans on A, on B and on C": each "on" after the first starts the next item of the series
    // (the "on" stays, the head is shared). Only when the piece so far already has its own "on".
    private static bool OnSeriesSeparator(List<Token> tokens, int pieceStart, int k, int end, out int skip)
    {
        skip = 0;
        var t = tokens[k];
        var n1 = k + 1 < end ? tokens[k + 1] : default;
        var n2 = k + 2 < end ? tokens[k + 2] : default;
        if (!HasWord(tokens, pieceStart, k, "on") || HeadKind(tokens, pieceStart, k) is null && !(tokens[pieceStart].Lower == "on"))
        {
            return false;
        }

        if (t.Text == "," && n1.Lower == "on" || (t.Text == "," && n1.Lower == "and" || t.Lower == "and") && (t.Text == "," ? n2 : n1).Lower == "on")
        {
            skip = t.Text == "," && n1.Lower == "and" ? 2 : 1;

            // "a report on how A was done and on the draft plan for B": a document named after "on" is the
            // report's second subject, not an item of its own.
            var next = k + skip + 1;
            while (next < end && tokens[next].IsWord && tokens[next].Lower is "a" or "an" or "the" or "its" or "their")
            {
                next++;
            }

            var nextEnd = next;
            while (nextEnd < end && !tokens[nextEnd].IsPunct && tokens[nextEnd].Lower != "and")
            {
                nextEnd++;
            }

            if (next < nextEnd && HeadKind(tokens, next, nextEnd) is not null)
            {
                skip = 0;
                return false;
            }

            return true;
        }

        return false;
    }

    private static bool IsSeparator(List<Token> tokens, int k, int end, out int skip)
    {
        skip = 0;
        var t = tokens[k];
        var n1 = k + 1 < end ? tokens[k + 1] : default;
        var n2 = k + 2 < end ? tokens[k + 2] : default;
        if (t.Text == "," && n1.IsWord)
        {
            // "its key tasks, and ten measures to ...": a counted item is the next of the list.
            if (IsNumberWord(n1) || n1.Lower == "and" && IsNumberWord(n2))
            {
                skip = n1.Lower == "and" ? 2 : 1;
                return true;
            }

            if (IsItemStart(n1))
            {
                skip = 1;
                return true;
            }

            if (n1.Lower == "and" && n2.IsWord && (IsItemStart(n2) || n2.IsCap))
            {
                skip = 2;
                return true;
            }

            if (n1.Lower == "as" && n2.Lower == "well" && k + 3 < end && tokens[k + 3].Lower == "as")
            {
                skip = 4;
                return true;
            }

            if (n1.Lower is "together" or "along" && n2.Lower == "with")
            {
                skip = 3;
                return true;
            }
        }

        if (t.IsWord && t.Lower == "and" && n1.IsWord && IsItemStart(n1) && n1.Lower != "the")
        {
            skip = 1;
            return true;
        }

        if (t.IsWord && t.Lower == "and" && n1.IsWord && n1.Lower == "the" && n2.IsCap)
        {
            skip = 1;
            return true;
        }

        // "opinions on X and the work rules of the commission": a second document whose head comes within three words.
        if (t.IsWord && t.Lower == "and" && n1.IsWord && n1.Lower == "the")
        {
            for (var j = k + 2; j < end && j <= k + 4; j++)
            {
                if (DirectiveVerbs.IsDocumentKind(tokens[j].Lower) && (j + 1 >= end || tokens[j + 1].Lower is "of" or "on" or "for" || tokens[j + 1].IsPunct))
                {
                    skip = 1;
                    return true;
                }
            }
        }

        if (t.IsWord && t.Lower is "together" or "along" && n1.Lower == "with")
        {
            skip = 2;
            return true;
        }

        if (t.IsWord && t.Lower == "as" && n1.Lower == "well" && n2.Lower == "as")
        {
            skip = 3;
            return true;
        }

        return false;
    }

    private static bool IsItemStart(Token t) => t.IsWord && t.Lower is "a" or "an" or "another" or "the" or "their" or "its";

    /// <summary>The document kind of the phrase's head noun, or null when it is not a document.</summary>
    public static string? HeadKind(List<Token> tokens, int first, int last)
    {
        // A proper title ("Prohibition on Face Covering Regulation") ends in its kind.
        if (tokens[first].IsCap)
        {
            string? lastCap = null;
            for (var k = first; k < last; k++)
            {
                var t = tokens[k];
                if (t.IsCap || t.Kind == TokenKind.Number)
                {
                    if (t.IsCap)
                    {
                        lastCap = t.Lower;
                    }

                    continue;
                }

                if (t.IsWord && t.Lower is "on" or "of" or "for" or "and" or "the" or "'s" && k + 1 < last && (tokens[k + 1].IsCap || tokens[k + 1].Lower == "the"))
                {
                    continue;
                }

                // "the Data Protection (Amendment) Bill", "the Plan (2026-2030)": a parenthesis inside a proper title.
                if (t.Text == "(" && CapitalParenthesisEnd(tokens, k, last) is > 0 and var close)
                {
                    k = close;
                    continue;
                }

                break;
            }

            if (lastCap is not null && DirectiveVerbs.IsDocumentKind(lastCap))
            {
                return DirectiveVerbs.KindOf(lastCap);
            }
        }

        var head = GenericHead(tokens, first, last);
        if (head is not null && CompoundKind(tokens, first, last, head) is { } compound)
        {
            return compound;
        }

        return head is not null && DirectiveVerbs.IsDocumentKind(head) ? DirectiveVerbs.KindOf(head) : null;
    }

    /// <summary>"its general approach on X", "a negotiating mandate for Y", "the Council's common position": a
    /// position the Council adopts (in the EU, a text it agrees before talks with Parliament) is a document; the bare
    /// nouns "approach", "mandate" and "position" are not.</summary>
    internal static string? CompoundKind(List<Token> tokens, int first, int last, string head)
    {
        if (head is not ("approach" or "mandate" or "position" or "positions" or "mandates"))
        {
            return null;
        }

        // The word before the phrase counts: "its" is cut off before the head is looked for ("its position on X").
        for (var k = Math.Max(1, first); k < last; k++)
        {
            if (tokens[k].Lower == head)
            {
                var before = tokens[k - 1].Lower;
                if (before is "general" or "negotiating" or "common")
                {
                    return before + " " + DirectiveVerbs.KindOf(head);
                }

                // "its position on X", "the Council's mandate for talks": the body's own position, not "approach".
                var possessed = before is "its" or "their" || before == "'s" && k - 2 >= first && tokens[k - 2].Lower == "council";
                return possessed && head != "approach" ? DirectiveVerbs.KindOf(head) : null;
            }
        }

        return null;
    }

    // The ")" closing a parenthesis of capitalised words or numbers ("(Amendment)", "(2026-2030)"), or -1.
    private static int CapitalParenthesisEnd(List<Token> tokens, int open, int last)
    {
        for (var k = open + 1; k < last && k <= open + 6; k++)
        {
            if (tokens[k].Text == ")")
            {
                return k > open + 1 && k + 1 < last ? k : -1;
            }

            if (!(tokens[k].IsCap || tokens[k].Kind == TokenKind.Number || tokens[k].Text is "-" or "\u2013" or "/" or "," || tokens[k].IsWord && tokens[k].Lower is "of" or "and" or "no"))
            {
                return -1;
            }
        }

        return -1;
    }

    private static string? GenericHead(List<Token> tokens, int first, int last)
    {
        string? head = null;
        for (var k = first; k < last; k++)
        {
            var t = tokens[k];
            if (t.IsPunct || (t.IsWord && k > first && (t.Lower is "on" or "of" or "for" or "to" or "from" or "that" or "which" or "by" or "with" or "in" or "under" or "at" or "regarding" or "concerning" or "together" or "along" or "plus" or "as" || (t.Lower.EndsWith("ing", StringComparison.Ordinal) && t.Lower.Length > 5 && !t.IsCap && !(k + 1 < last && DirectiveVerbs.DocumentKinds.Contains(tokens[k + 1].Lower))))))
            {
                break;
            }

            if (t.IsWord && t.Lower is not ("itself" or "and" or "'s"))
            {
                head = t.Lower;
            }
        }

        return head;
    }

    /// <summary>The title of the words from <paramref name="first"/> to <paramref name="last"/>, less the
    /// circumstance of a signing ("signed in X on DATE,") inside it.</summary>
    internal static string TitleText(Analysis a, int first, int last)
    {
        for (var k = first + 1; k < last; k++)
        {
            var end = CircumstanceEnd(a.Tokens, k, last);
            if (end > 0 && end < last)
            {
                return Text(a, first, k) + " " + TitleText(a, end, last);
            }
        }

        return Text(a, first, last);
    }

    internal static string Text(Analysis a, int first, int last)
    {
        var raw = a.Text[a.Tokens[first].Start..a.Tokens[last - 1].End];
        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.ToString();
    }
}

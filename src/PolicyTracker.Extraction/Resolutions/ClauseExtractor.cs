using PolicyTracker.Extraction.Documents;
using PolicyTracker.Extraction.Meetings;
using PolicyTracker.Extraction.Text;

namespace PolicyTracker.Extraction.Resolutions;

/// <summary>Finds directive verbs and document verbs in each sentence and turns their objects
/// into resolutions and documents of the sentence's meeting.</summary>
internal static class ClauseExtractor
{
    private enum HitKind
    {
        Directive,
        Call,
        Say,
        Document,
        Briefed,
        PassiveDirective,
        PassiveDocument,
        ItWasDecided,

        /// <summary>"noted that X, and called for Y": a verb of saying whose that-clause is no directive. It issues
        /// nothing, but a directive coordinated after the clause has its subject.</summary>
        Report,
    }

    private sealed record Hit(HitKind Kind, int Verb, int ObjectStart, string VerbText, DocumentAction? Action, int SubjectStart)
    {
        public int ObjectEnd { get; set; } = -1;

        public bool Valid { get; set; }

        public bool Coordinated { get; set; }

        /// <summary>", stressing ...", ", deciding that ...": a participle clause whose subject is the main clause's.</summary>
        public bool Participle { get; init; }

        /// <summary>The verb opens a list item of the meeting's own text ("– decides to ...", "2. Authorizing ..."):
        /// the meeting is its subject.</summary>
        public bool Listed { get; set; }
    }

    public static void Extract(Analysis a)
    {
        for (var s = 0; s < a.Sentences.Count; s++)
        {
            var m = a.SentenceMeeting[s];
            if (m < 0)
            {
                continue;
            }

            Sentence(a, s, m);
        }

        for (var s = 0; s < a.Sentences.Count; s++)
        {
            if (a.SentenceMeeting[s] >= 0)
            {
                TitledLater(a, s, a.Meetings[a.SentenceMeeting[s]]);
            }
        }

        foreach (var meeting in a.Meetings)
        {
            DropRestated(meeting.Resolutions);
        }
    }

    /// <summary>A lead that sums up a decision ("agreed to open talks with X and Y") and the text that states it
    /// ("decides to open talks with X and with the Republic of Y") are one directive: the fuller wording is kept.</summary>
    internal static void DropRestated(List<ExtractedResolution> resolutions)
    {
        if (resolutions.Count < 2)
        {
            return;
        }

        var words = resolutions.Select(r => ContentWords(r.Text)).ToList();
        var drop = new bool[resolutions.Count];
        for (var i = 0; i < resolutions.Count; i++)
        {
            // A restatement is near its summary; a bounded window keeps huge inputs linear.
            for (var j = Math.Max(0, i - 40); j < resolutions.Count && j <= i + 40 && !drop[i]; j++)
            {
                if (i == j || drop[j] || words[i].Count < 3 || words[i].Count > words[j].Count || (words[i].Count == words[j].Count && i < j))
                {
                    continue;
                }

                var both = words[i].Count(words[j].Contains);
                var union = words[i].Count + words[j].Count - both;

                // A summary wholly inside the fuller wording ("to invite Argentina, Egypt and Iran" in "to invite the
                // Argentine Republic, the Arab Republic of Egypt and the Islamic Republic of Iran") goes even when the
                // fuller one adds many words.
                if (both >= 0.85 * words[i].Count && both >= 0.7 * union || both == words[i].Count && words[i].Count >= 4 && both >= 0.45 * union)
                {
                    drop[i] = true;
                }
            }
        }

        for (var i = resolutions.Count - 1; i >= 0; i--)
        {
            if (drop[i])
            {
                resolutions.RemoveAt(i);
            }
        }
    }

    private static HashSet<string> ContentWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in text.Split([' ', ',', ';', '.', '(', ')', '"', '\u201C', '\u201D'], StringSplitOptions.RemoveEmptyEntries))
        {
            // Words of four letters or more carry the content; the short ones are articles and prepositions. Their first
            // six letters stand for them ("Argentina" and "Argentine", "member" and "members").
            if (w.Length >= 4)
            {
                var lower = w.ToLowerInvariant();
                set.Add(lower.Length > 6 ? lower[..6] : lower);
            }
        }

        return set;
    }

    // "The resolution, titled "X", was tabled by ...": the meeting's only document of that kind is "resolution X".
    private static void TitledLater(Analysis a, int s, MeetingDraft meeting)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        for (var k = sentence.First; k + 3 < sentence.Last; k++)
        {
            if (tokens[k].Lower != "the" || !DirectiveVerbs.IsDocumentKind(tokens[k + 1].Lower) || tokens[k + 2].Text != ","
                || tokens[k + 3].Lower is not ("titled" or "entitled" or "named" or "called"))
            {
                continue;
            }

            var open = k + 4;
            if (open >= sentence.Last || tokens[open].Text is not ("\"" or "\u201C"))
            {
                continue;
            }

            var close = open + 1;
            while (close < sentence.Last && tokens[close].Text is not ("\"" or "\u201D"))
            {
                close++;
            }

            if (close >= sentence.Last || close == open + 1)
            {
                continue;
            }

            var kind = DirectiveVerbs.KindOf(tokens[k + 1].Lower);
            var same = meeting.Documents.FindAll(d => string.Equals(d.Kind, kind, StringComparison.Ordinal));
            if (same.Count == 1)
            {
                same[0].Title = tokens[k + 1].Lower + " " + a.Text[tokens[open + 1].Start..tokens[close - 1].End];
            }
        }
    }

    private static void Sentence(Analysis a, int s, int meetingIndex)
    {
        var meeting = a.Meetings[meetingIndex];
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var hits = FindHits(a, sentence);
        AmongThem(a, s, hits);
        PassiveDocuments(a, s, meetingIndex);
        PublishedDocuments(a, s, meetingIndex);
        if (hits.Count == 0)
        {
            return;
        }

        // Coordination, subjects and object ends, in order.
        Hit? previous = null;
        var regionStart = sentence.First;
        for (var h = 0; h < hits.Count; h++)
        {
            var hit = hits[h];

            // "approved it, deciding that ...", "agreed to X, and to Y, stressing Z": the participle ends the object before
            // it and has the same subject.
            if (previous is not null && hit.Participle && hit.Verb - 1 > previous.ObjectStart)
            {
                if (previous.ObjectEnd < 0 || previous.ObjectEnd > hit.Verb - 1)
                {
                    previous.ObjectEnd = hit.Verb - 1;
                }

                hit.Valid = previous.Valid;
                hit.ObjectEnd = ResolutionEnd(tokens, hit.ObjectStart, sentence.Last);
                previous = hit;
                continue;
            }

            if (previous is not null && previous.ObjectEnd > hit.Verb && !IsCoordinated(tokens, sentence.First, hit.Verb, out _)
                && hit.Kind is not (HitKind.ItWasDecided or HitKind.PassiveDirective))
            {
                // A verb inside an earlier object ("urged that X be asked to ...") is part of it.
                hits.RemoveAt(h);
                h--;
                continue;
            }

            if (previous is not null && (IsCoordinated(tokens, sentence.First, hit.Verb, out var boundary) || IsSeriesVerb(tokens, previous, hit, out boundary)) && boundary > previous.Verb
                && (tokens[boundary].Text == "," || !HasSubordinator(tokens, previous.Verb, hit.Verb)))
            {
                hit.Coordinated = true;
                hit.Valid = previous.Valid;
                if (previous.ObjectEnd < 0 || previous.ObjectEnd > boundary)
                {
                    previous.ObjectEnd = boundary;
                }
            }
            else
            {
                var from = Math.Max(regionStart, hit.SubjectStart);
                if (previous is not null)
                {
                    from = Math.Max(from, AfterClauseBreak(tokens, previous.Verb, hit.Verb));
                    if (previous.ObjectEnd > 0 && previous.ObjectEnd <= hit.Verb)
                    {
                        from = Math.Max(from, previous.ObjectEnd);
                    }
                }

                var content = ListItem.ContentStart(tokens, sentence.First, sentence.Last);
                hit.Listed |= content == hit.Verb;

                // "– will open talks with X once ..., and invites the Commission to report": a communiqué item that opens
                // with its verb has the meeting as the subject of every verb coordinated with it.
                hit.Listed |= content >= 0 && previous is null && content < hit.Verb && tokens[content].IsWord && !tokens[content].IsCap
                    && tokens[content].Lower is "will" or "shall" or "also" or "further" && IsCoordinated(tokens, sentence.First, hit.Verb, out _);
                hit.Valid = hit.Kind switch
                {
                    _ when hit.Listed => true,
                    HitKind.PassiveDirective or HitKind.PassiveDocument or HitKind.ItWasDecided => true,
                    HitKind.Document or HitKind.Briefed or HitKind.Report => SubjectResolver.IsMeetingOrChair(a, s, from, hit.Verb, meeting, allowPeople: true),

                    // "X should ..., Wang said" and "In this work, Wang said, X should ...": a view attributed afterwards is
                    // the speaker's, even the chair's; "..., the meeting said" is the meeting's, and "the chair said X should" the chair's.
                    HitKind.Say => SubjectResolver.IsMeetingOrChair(a, s, from, hit.Verb, meeting, allowPeople: hit.ObjectStart > hit.Verb && tokens[hit.ObjectStart].Text != ","),
                    _ => SubjectResolver.IsMeetingOrChair(a, s, from, hit.Verb, meeting),
                };
            }

            hit.ObjectEnd = hit.ObjectEnd >= 0 && hit.ObjectStart < hit.ObjectEnd ? hit.ObjectEnd : hit.Kind is HitKind.Document or HitKind.Briefed
                ? DocumentParser.ObjectEnd(tokens, hit.ObjectStart, sentence.Last)
                : ResolutionEnd(tokens, hit.ObjectStart, sentence.Last);
            previous = hit;
        }

        foreach (var hit in hits)
        {
            if (hit.Valid && hit.Kind == HitKind.Document && IsListLead(tokens, hit, sentence))
            {
                DocumentList(a, s, meetingIndex, hit);
                continue;
            }

            if (!hit.Valid || hit.ObjectEnd <= hit.ObjectStart)
            {
                continue;
            }

            switch (hit.Kind)
            {
                case HitKind.Document:
                case HitKind.Briefed:
                    Documents(a, s, meetingIndex, hit);
                    break;
                case HitKind.PassiveDocument:
                case HitKind.Report:
                    break;
                default:
                    Resolution(a, s, meeting, hit);
                    break;
            }
        }
    }

    // "Seven documents were examined and approved at the meeting. Among them were a set of opinions on X ...":
    // the documents of the summary, with the summary's action.
    private static void AmongThem(Analysis a, int s, List<Hit> hits)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        var k = sentence.First;
        if (s == 0 || k + 3 >= sentence.Last || tokens[k].Lower != "among" || tokens[k + 1].Lower is not ("them" or "these" or "those") || tokens[k + 2].Lower is not ("were" or "was" or "are" or "is"))
        {
            return;
        }

        var previous = a.Sentences[s - 1];
        DocumentAction? action = null;
        for (var j = previous.First; j < previous.Last; j++)
        {
            if (DirectiveVerbs.DocumentVerbs.TryGetValue(tokens[j].Lower, out var act))
            {
                action = act;
            }
        }

        if (action is { } found)
        {
            hits.Insert(0, new Hit(HitKind.Document, k + 2, k + 3, tokens[k + 2].Text, found, k) { Listed = true });
        }
    }

    // "The leaders issued:", "approved the following draft laws:": the documents follow, one per line.
    private static bool IsListLead(List<Token> tokens, Hit hit, Sentence sentence)
    {
        var colon = sentence.Last - 1;
        if (tokens[colon].Text != ":" || hit.ObjectStart > colon)
        {
            return false;
        }

        if (hit.ObjectStart == colon)
        {
            return true;
        }

        // "adopted a number of documents, among them:", "approved several texts, including:"
        var before = tokens[colon - 1].Lower;
        if (before is "including" or "namely" || (before is "them" or "these" && colon - 2 >= hit.ObjectStart && tokens[colon - 2].Lower == "among")
            || (before == "follows" && tokens[colon - 2].Lower == "as"))
        {
            return true;
        }

        var k = hit.ObjectStart;
        if (tokens[k].Lower == "the")
        {
            k++;
        }

        return k < colon && tokens[k].Lower == "following" && colon - k <= 5;
    }

    private static void DocumentList(Analysis a, int s, int meetingIndex, Hit lead)
    {
        var tokens = a.Tokens;
        var meeting = a.Meetings[meetingIndex];
        for (var k = s + 1; k < a.Sentences.Count && k <= s + 60; k++)
        {
            var item = a.Sentences[k];
            var start = ListItem.ContentStart(tokens, item.First, item.Last);
            if (start < 0 || start >= item.Last)
            {
                break;
            }

            // "1. Approving a memorandum ...": the item has its own verb (DecisionItem).
            if (tokens[start].IsCap && tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal))
            {
                continue;
            }

            var end = DocumentParser.ObjectEnd(tokens, start, item.Last);
            while (end > start && tokens[end - 1].IsPunct && tokens[end - 1].Text is "." or "," or ";")
            {
                end--;
            }

            if (end <= start)
            {
                continue;
            }

            var before = meeting.Documents.Count;
            Documents(a, k, meetingIndex, new Hit(HitKind.Document, start, start, lead.VerbText, lead.Action, start) { ObjectEnd = end, Valid = true });

            // An item of an announced list is a document whatever its head noun ("the Harbour Vision on X").
            if (meeting.Documents.Count == before)
            {
                var first = tokens[start].Lower is "the" or "a" or "an" && start + 1 < end ? start + 1 : start;
                var span = new TextSpan(tokens[first].Start, tokens[end - 1].End - tokens[first].Start);
                AddDocument(meeting, new DocumentDraft { Title = DocumentParser.Text(a, first, end), Kind = DocumentParser.HeadKind(tokens, first, end), Action = lead.Action, Span = span, Meeting = meetingIndex });
            }

            a.SentenceMeeting[k] = meetingIndex;
        }
    }

    private static bool HasSubordinator(List<Token> tokens, int from, int to)
    {
        for (var k = from + 1; k < to; k++)
        {
            if (tokens[k].IsWord && tokens[k].Lower is "after" or "before" or "when" or "since" or "because" or "although" or "which" or "who" or "whom" or "whose" or "while" or "once" or "until")
            {
                return true;
            }
        }

        return false;
    }

    private static int AfterClauseBreak(List<Token> tokens, int from, int to)
    {
        var result = from;
        for (var k = from; k < to; k++)
        {
            if (tokens[k].Text == ";" || (tokens[k].Text == "," && k + 1 < to && tokens[k + 1].Lower == "and"))
            {
                result = k + 1;
            }
        }

        return result;
    }

    /// <summary>"discussed a draft law, adopted the draft in principle, and decided that ...": a finite verb right after
    /// the comma that ends the previous verb's object is the next verb of a series with the same subject (a participle
    /// with its agent or time, ", adopted by X" / ", adopted in 2020", is no such verb).</summary>
    private static bool IsSeriesVerb(List<Token> tokens, Hit previous, Hit hit, out int boundary)
    {
        boundary = -1;
        var comma = hit.Verb - 1;
        if (hit.Participle || hit.Kind is HitKind.ItWasDecided or HitKind.PassiveDirective or HitKind.PassiveDocument or HitKind.Say
            || previous.Kind is HitKind.ItWasDecided or HitKind.PassiveDirective or HitKind.PassiveDocument or HitKind.Say
            || comma <= previous.ObjectStart || tokens[comma].Text != "," || !tokens[hit.Verb].Lower.EndsWith("ed", StringComparison.Ordinal)
            || !tokens[previous.Verb].Lower.EndsWith("ed", StringComparison.Ordinal) || hit.Verb + 1 >= tokens.Count)
        {
            return false;
        }

        var next = tokens[hit.Verb + 1];
        if (!(next.IsCap || next.Lower is "a" or "an" or "the" or "its" or "their" or "it" or "them" or "that" or "to" or "for" or "on" or "several" or "two" or "three"))
        {
            return false;
        }

        for (var k = previous.Verb + 1; k < comma; k++)
        {
            if (tokens[k].Text is ";" or ":" || tokens[k].IsWord && tokens[k].Lower is "which" or "who" or "that" or "after" or "before" or "when" or "while" or "because" or "as")
            {
                return false;
            }
        }

        boundary = comma;
        return true;
    }

    private static bool IsCoordinated(List<Token> tokens, int first, int verb, out int boundary)
    {
        boundary = -1;
        var k = verb - 1;
        while (k >= first && tokens[k].IsWord && tokens[k].Lower is "also" or "further" or "then" or "later" or "again" or "strongly" or "repeatedly" or "subsequently" or "finally")
        {
            k--;
        }

        if (k >= first && tokens[k].Lower == "and")
        {
            boundary = k > first && tokens[k - 1].Text == "," ? k - 1 : k;
            return true;
        }

        return false;
    }

    private static int ResolutionEnd(List<Token> tokens, int start, int last)
    {
        for (var k = start; k < last; k++)
        {
            var t = tokens[k];
            if (t.Text == ";")
            {
                return k;
            }

            if (k > start && MeetingWords.IsMeetingFrame(tokens, k, last))
            {
                return k;
            }

            // "... on high alert as he chaired his third meeting": a clause about the circumstances.
            if (k > start && t.Lower == "as" && k + 1 < last && tokens[k + 1].Lower is "he" or "she" or "they")
            {
                return k;
            }

            // ""We have decided to hold X," he said": the closing quote before the attribution ends what was said.
            if (k > start && t.Text is "\"" or "\u201D" && QuoteAttribution(tokens, k + 1, last))
            {
                return tokens[k - 1].Text is "," or "." ? k - 1 : k;
            }

            if (t.Text == "," && k + 1 < last)
            {
                var n = tokens[k + 1].Lower;
                // "that insistence on X, which lies at the root of it, would never be accepted": a relative clause inside
                // the clause's subject, closed by a comma before the clause's own verb, goes on.
                if (n == "which" && RelativeInsideSubject(tokens, k + 1, last) is var resume && resume > 0)
                {
                    k = resume - 1;
                    continue;
                }

                if (n is "which" or "citing" or "noting" or "adding" or "according" or "whereas")
                {
                    return k;
                }

                // ", a day after Finland announced ...": a time appositive about the decision.
                if (k + 3 < last && n is "a" or "one" or "two" or "three" or "the" && tokens[k + 2].Lower is "day" or "days" or "week" or "weeks" or "month" or "months" or "year" or "years"
                    && tokens[k + 3].Lower is "after" or "before" or "later" or "earlier" or "ahead")
                {
                    return k;
                }

                // ", ending decades of ...", ", after Finland ...": a participle or adverbial clause about the decision.
                // A list of gerunds ("stepping up X, conducting Y") or an appositive ("X, working with Y, to ...") goes on.
                var participle = n.EndsWith("ing", StringComparison.Ordinal) && n.Length > 5 && !tokens[start].Lower.EndsWith("ing", StringComparison.Ordinal)
                    && n is not ("including" or "concerning" or "regarding" or "covering" or "involving" or "during" or "excluding")
                    && k + 2 < last && (tokens[k + 2].Lower is "the" or "a" or "an" or "its" or "their" or "what" or "his" or "her" || tokens[k + 2].IsCap);
                var asWell = n == "as" && k + 2 < last && tokens[k + 2].Lower == "well";
                if (participle || (n is "after" or "amid" or "while" or "when" or "before" or "as" && !asWell))
                {
                    return k;
                }

                if (n == "that" && k + 2 < last && tokens[k + 2].Lower == "is")
                {
                    return k;
                }

                if (IsTrailingAttribution(tokens, k + 1, last))
                {
                    return k;
                }
            }
        }

        var end = last;
        while (end > start && tokens[end - 1].IsPunct && tokens[end - 1].Text is "." or "," or "!" or "?")
        {
            end--;
        }

        return end;
    }

    /// <summary>From the "which" of ", which ..., would ...", the index of the closing comma when a modal or finite
    /// verb follows it (the relative clause sat inside the subject), or -1.</summary>
    private static int RelativeInsideSubject(List<Token> tokens, int which, int last)
    {
        for (var k = which + 1; k + 1 < last && k <= which + 25; k++)
        {
            if (tokens[k].Text is ";" or ":" or ".")
            {
                return -1;
            }

            if (tokens[k].Text == ",")
            {
                return tokens[k + 1].Lower is "would" or "will" or "should" or "must" or "shall" or "can" or "could" or "may" or "might" or "is" or "are" or "was" or "were" or "has" or "have" or "had" ? k + 1 : -1;
            }
        }

        return -1;
    }

    // After a closing quote: "he said", "Chairman Tran said", "said the chairman".
    private static bool QuoteAttribution(List<Token> tokens, int start, int last)
    {
        for (var k = start; k < last && k < start + 6; k++)
        {
            var t = tokens[k];
            if (t.IsWord && DirectiveVerbs.Say.Contains(t.Lower) || t.IsWord && t.Lower is "told" or "added")
            {
                return true;
            }

            if (!(t.IsCap || t.IsWord && t.Lower is "he" or "she" or "they" or "the" || t.IsWord && People.PersonNameNormalizer.IsTitleWord(t.Lower)
                || t.IsWord && (MeetingWords.Nouns.Contains(t.Lower) || Bodies.BodyPhraseFinder.GenericHeads.Contains(t.Lower))))
            {
                return false;
            }
        }

        return false;
    }

    // "..., Prime Minister Chris Hipkins told reporters": who reported the directive, not part of it.
    private static bool IsTrailingAttribution(List<Token> tokens, int start, int last)
    {
        for (var k = start; k < last && k < start + 10; k++)
        {
            var t = tokens[k];
            if (t.IsWord && t.Lower is "said" or "told" or "says" or "tells" or "added" or "announced" or "stated" or "reported" or "confirmed")
            {
                // "..., Prime Minister X told reporters", "..., the premier said"
                return k > start && (tokens[k - 1].IsCap || People.PersonNameNormalizer.IsTitleWord(tokens[k - 1].Lower) || tokens[k - 1].Lower is "spokesman" or "spokeswoman" or "spokesperson" or "officials" or "sources");
            }

            if (!(t.IsCap || (t.IsWord && (t.Lower is "the" or "'s" || People.PersonNameNormalizer.IsTitleWord(t.Lower)))))
            {
                return false;
            }
        }

        return false;
    }

    private static List<Hit> FindHits(Analysis a, Sentence sentence)
    {
        var tokens = a.Tokens;
        var hits = new List<Hit>();
        DecisionItem(a, sentence, hits);
        for (var i = sentence.First; i < sentence.Last; i++)
        {
            var t = tokens[i];
            if (!t.IsWord)
            {
                continue;
            }

            var l = t.Lower;
            var prev = i > sentence.First ? tokens[i - 1].Lower : string.Empty;
            var next = i + 1 < sentence.Last ? tokens[i + 1].Lower : string.Empty;
            var adjectival = prev is "the" or "a" or "an" or "its" or "their" or "newly" or "recently" or "being" or "be" or "been";
            var auxIndex = i - 1;
            while (auxIndex > sentence.First && tokens[auxIndex].IsWord && tokens[auxIndex].Lower is "also" or "all" or "further" or "then" or "both" or "unanimously" or "formally" or "likewise")
            {
                auxIndex--;
            }

            var aux = auxIndex >= sentence.First ? tokens[auxIndex].Lower : string.Empty;

            // "the policy statement it issued after the meeting": a document named before a reduced relative
            // clause whose subject is the meeting ("it", "they") and whose verb acts on it.
            if (prev is "it" or "they" && l.EndsWith("ed", StringComparison.Ordinal) && DirectiveVerbs.DocumentVerbs.TryGetValue(l, out var relativeAction)
                && i - 2 >= sentence.First && DirectiveVerbs.IsDocumentKind(tokens[i - 2].Lower))
            {
                var first = i - 2;
                while (first - 1 >= sentence.First && tokens[first - 1].IsWord && !tokens[first - 1].IsCap && first > i - 5
                    && tokens[first - 1].Lower is not ("the" or "a" or "an" or "its" or "their" or "this" or "that" or "in" or "of" or "on" or "with" or "and"))
                {
                    first--;
                }

                if (first - 1 >= sentence.First && tokens[first - 1].Lower is "the" or "its" or "their")
                {
                    hits.Add(new Hit(HitKind.Document, i, first, t.Text, relativeAction, i - 1) { ObjectEnd = i - 1 });
                    continue;
                }
            }

            // "it was decided that ..."
            if (l is "decided" or "agreed" or "resolved" or "emphasized" or "emphasised" or "stressed" or "required" or "urged" or "demanded" && aux == "was" && auxIndex - 1 >= sentence.First && tokens[auxIndex - 1].Lower == "it")
            {
                // "it was emphasized at the meeting that ..."
                var start = i + 1;
                for (var k = i + 1; k < sentence.Last && k <= i + 6; k++)
                {
                    if (tokens[k].Lower == "that")
                    {
                        start = k + 1;
                        break;
                    }
                }

                hits.Add(new Hit(HitKind.ItWasDecided, i, start, t.Text, null, i - 2));
                continue;
            }

            if (aux is "was" or "were" or "is" or "are" or "been" or "be")
            {
                if (aux is "was" or "were" && DirectiveVerbs.PassiveDirective.Contains(l) && (next == "to" || next == "on"))
                {
                    hits.Add(new Hit(HitKind.PassiveDirective, i, ClauseStart(tokens, sentence.First, i), t.Text, null, sentence.First));
                    continue;
                }

                if (l == "called" && next == "on" && i + 2 < sentence.Last && tokens[i + 2].Lower == "to")
                {
                    hits.Add(new Hit(HitKind.PassiveDirective, i, ClauseStart(tokens, sentence.First, i), "called on", null, sentence.First));
                    continue;
                }

                if (l == "briefed" && next == "on")
                {
                    hits.Add(new Hit(HitKind.Briefed, i, i + 2, "briefed on", null, sentence.First));
                }

                continue;
            }

            if (adjectival)
            {
                continue;
            }

            if (DirectiveVerbs.Call.Contains(l) && next is "for" or "on" or "upon")
            {
                if (prev is "to" or "will" or "would")
                {
                    continue;
                }

                hits.Add(new Hit(HitKind.Call, i, i + 2, t.Text + " " + tokens[i + 1].Text, null, sentence.First));
                i++;
                continue;
            }

            // "gave its approval to", "signed off on", "voted to approve"
            // "gave its approval to", "gave the green light to", "gave its nod to"
            if (l is "gave" or "gives" or "granted" or "accorded" || (l == "given" && aux is "has" or "have"))
            {
                var k = i + 1;
                while (k < sentence.Last && k < i + 5 && tokens[k].Lower is "its" or "their" or "the" or "final" or "formal" or "green" or "in-principle")
                {
                    k++;
                }

                // "gave the go-ahead for X", "gave the green light for X": "for" as well as "to".
                if (k + 1 < sentence.Last && tokens[k].Lower is "approval" or "nod" or "light" or "go-ahead" or "assent" or "clearance"
                    && (tokens[k + 1].Lower == "to" || tokens[k + 1].Lower == "for" && tokens[k].Lower is "go-ahead" or "light" or "clearance" or "approval"))
                {
                    var objectStart = k + 2;
                    var isDocument = LooksLikeDocument(a, objectStart, sentence.Last);
                    hits.Add(new Hit(isDocument ? HitKind.Document : HitKind.Directive, i, objectStart, "approved", isDocument ? DocumentAction.Approved : null, sentence.First));
                    i = k + 1;
                    continue;
                }
            }

            // "The council named X, a member of Y, as spokesperson for Z": an appointment is a resolution of the meeting.
            if (l is "named" or "appointed" or "designated" && i + 1 < sentence.Last && tokens[i + 1].IsCap
                && prev is not ("was" or "were" or "been" or "be" or "is" or "are" or "and" or "to") && NamesAppointment(tokens, i + 1, sentence.Last) is var asAt && asAt > 0)
            {
                // The clause runs on from the role: "as spokesperson for Z" (the appositive before it is part of it).
                hits.Add(new Hit(HitKind.Directive, i, i + 1, t.Text, null, sentence.First) { ObjectEnd = ResolutionEnd(tokens, asAt, sentence.Last) });
                continue;
            }

            // "Ministers took note of the report of X", "took note with appreciation of": taking note of a document is
            // reviewing it (of anything else it is an assessment, nothing).
            if (l is "took" or "takes" or "taking" && next == "note" && TookNoteOf(tokens, i + 2, sentence.Last) is > 0 and var noteOf)
            {
                if (LooksLikeDocument(a, noteOf + 1, sentence.Last))
                {
                    hits.Add(new Hit(HitKind.Document, i, noteOf + 1, "took note of", DocumentAction.Reviewed, sentence.First));
                }

                i = noteOf;
                continue;
            }

            // "The council first took up a draft regulation to ...": taking up a document is discussing it.
            if (l is "took" or "takes" && next == "up" && i + 2 < sentence.Last && LooksLikeDocument(a, i + 2, sentence.Last))
            {
                hits.Add(new Hit(HitKind.Document, i, i + 2, "took up", DocumentAction.Discussed, sentence.First));
                i++;
                continue;
            }

            // "agreed its general approach on X", "reached a negotiating mandate", "agreed on a joint statement": agreeing a
            // position or a text is adopting it.
            if (l is "agreed" or "agrees" or "reached" or "reaches" && prev is not ("to" or "will" or "would" or "had" or "not") && AgreedText(tokens, i + 1, sentence.Last) is > 0 and var agreedStart)
            {
                hits.Add(new Hit(HitKind.Document, i, agreedStart, t.Text, DocumentAction.Adopted, sentence.First));
                i = agreedStart - 1;
                continue;
            }

            // "went over a report on X": going over a document is reviewing it.
            if (l is "went" or "goes" && next == "over" && i + 2 < sentence.Last && LooksLikeDocument(a, i + 2, sentence.Last))
            {
                hits.Add(new Hit(HitKind.Document, i, i + 2, "went over", DocumentAction.Reviewed, sentence.First));
                i++;
                continue;
            }

            if (l == "signed" && next == "off" && i + 2 < sentence.Last && tokens[i + 2].Lower == "on")
            {
                hits.Add(new Hit(HitKind.Document, i, i + 3, "signed off on", DocumentAction.Approved, sentence.First));
                i += 2;
                continue;
            }

            // "..., stressing the need to ...": the main clause's subject issues this directive too.
            if (prev is "," or "and" && l is "stressing" or "urging" or "emphasizing" or "emphasising" or "demanding" or "underscoring" or "underlining" or "requiring" or "instructing" or "pledging" or "deciding")
            {
                var start = next == "that" ? i + 2 : i + 1;
                hits.Add(new Hit(HitKind.Directive, i, start, t.Text, null, sentence.First) { Participle = prev == "," });
                continue;
            }

            if (prev is "," or "and" && l == "calling" && next is "for" or "on")
            {
                hits.Add(new Hit(HitKind.Call, i, i + 2, t.Text + " " + tokens[i + 1].Text, null, sentence.First));
                i++;
                continue;
            }

            // "The summit ended with a joint communique signed by ...", "closed with a declaration": the document a
            // meeting ends with is the one it issued.
            // "wrapped up their summit on Monday with a statement on X", "concluded the meeting with the adoption of a joint
            // communique": the meeting between the verb and "with" is skipped, and the nominal act names the action.
            if (l == "with" && ClosingVerb(tokens, sentence.First, i) is >= 0 and var closing)
            {
                var objectStart = i + 1;
                var closingAction = DocumentAction.Issued;
                if (objectStart + 2 < sentence.Last && tokens[objectStart].Lower == "the" && tokens[objectStart + 2].Lower == "of"
                    && tokens[objectStart + 1].Lower is "adoption" or "approval" or "signing" or "issuance" or "issuing" or "release" or "publication")
                {
                    closingAction = tokens[objectStart + 1].Lower switch
                    {
                        "adoption" => DocumentAction.Adopted,
                        "approval" => DocumentAction.Approved,
                        _ => DocumentAction.Issued,
                    };
                    objectStart += 3;
                }

                if (LooksLikeDocument(a, objectStart, sentence.Last))
                {
                    hits.Add(new Hit(HitKind.Document, closing, objectStart, tokens[closing].Text + " with", closingAction, sentence.First));
                    continue;
                }
            }

            // ", reviewing the draft documents ...": a participle clause of the main verb.
            if (prev == "," && l.EndsWith("ing", StringComparison.Ordinal) && DirectiveVerbs.DocumentVerbs.TryGetValue(Participle(l), out var ingAction))
            {
                hits.Add(new Hit(HitKind.Document, i, i + 1, t.Text, ingAction, sentence.First));
                continue;
            }

            // "lifted the deposit facility rate to 5.5 percent", "kept its policy rate unchanged": a rate decision.
            if (DirectiveVerbs.Rate.Contains(l) && prev is not ("to" or "will" or "would" or "had" or "has" or "have") && NamesRate(tokens, i + 1, sentence.Last))
            {
                hits.Add(new Hit(HitKind.Directive, i, AfterTimeAdverbial(tokens, i + 1, sentence.Last), t.Text, null, sentence.First));
                continue;
            }

            // "once approved there, sent on to parliament", "if agreed by the members": a conditional participle
            // tells what will follow a later act; "had earlier asked X to" is an act before the meeting.
            if ((DirectiveVerbs.DocumentVerbs.ContainsKey(l) || DirectiveVerbs.Directive.Contains(l)) && l.EndsWith("ed", StringComparison.Ordinal)
                && (prev is "once" or "if" or "unless" or "until" or "when" or "whenever"
                    || prev is "earlier" or "previously" or "already" && i - 2 >= sentence.First && tokens[i - 2].Lower is "had"))
            {
                continue;
            }

            if (DirectiveVerbs.DocumentVerbs.TryGetValue(l, out var action))
            {
                if (prev == "to" && !DecisionBeforeInfinitive(tokens, sentence.First, i - 1))
                {
                    continue;
                }

                // "the plan, adopted by the port board last year, ...": a participle with its agent describes a document.
                if (prev == "," && next == "by")
                {
                    continue;
                }

                // "had approved" is an earlier act; "has approved" (the readout's present perfect) is this meeting's.
                if (prev is "will" or "would" or "had" || aux is "had" || aux is "has" or "have" && !PresentPerfectOfMeeting(tokens, sentence.First, auxIndex))
                {
                    while (i + 2 < sentence.Last && tokens[i + 1].Lower == "and" && DirectiveVerbs.DocumentVerbs.ContainsKey(tokens[i + 2].Lower))
                    {
                        i += 2;
                    }

                    continue;
                }

                // "reviewed and approved": the last verb of the chain names the action.
                var j = i + 1;
                var verbText = t.Text;
                while (j + 1 < sentence.Last && tokens[j].Lower == "and" && DirectiveVerbs.DocumentVerbs.TryGetValue(tokens[j + 1].Lower, out var later))
                {
                    action = later;
                    verbText = tokens[j + 1].Text;
                    j += 2;
                }

                // "deliberated on and adopted its general approach": the preposition of the first verb is shared.
                if (j + 2 < sentence.Last && tokens[j].Lower is "on" or "over" && tokens[j + 1].Lower == "and" && DirectiveVerbs.DocumentVerbs.TryGetValue(tokens[j + 2].Lower, out var shared))
                {
                    action = shared;
                    verbText = tokens[j + 2].Text;
                    j += 3;
                }

                // "heard a report on X": an oral report briefs the meeting; only a further act ("heard and
                // discussed") makes it a document the meeting acted on.
                if (IsHearing(verbText))
                {
                    continue;
                }

                if (j < sentence.Last && tokens[j].Lower == "on" && l is "deliberated" or "deliberate" or "decided")
                {
                    j++;
                }

                // "approved at its meeting the same day a memorandum ...": the meeting frame between verb and object.
                j = AfterFrame(tokens, j, sentence.Last);

                if (tokens[j - 1].Lower is "adopted" or "approved" or "passed" && j < sentence.Last && tokens[j].Lower == "in" && j + 1 < sentence.Last && tokens[j + 1].Lower == "principle")
                {
                    j += 2;
                }

                if (l is "approved" or "approves" or "approve" or "cleared" or "clears" or "okayed" && (!LooksLikeDocument(a, j, sentence.Last) || IsAllocation(tokens, j, sentence.Last) || EarlierDecisions(tokens, j, sentence.Last)))
                {
                    hits.Add(new Hit(HitKind.Directive, i, j, verbText, null, sentence.First));
                }
                else if (l is "passed" or "pass" && !LooksLikeDocument(a, j, sentence.Last))
                {
                    // "passed on", "passed away" and the like.
                }
                else
                {
                    hits.Add(new Hit(HitKind.Document, i, j, verbText, action, sentence.First));
                }

                i = j - 1;
                continue;
            }

            // "– Demands the release of ...", "- Tasks the secretariat with ...": a communiqué item opens with the present
            // tense of a directive verb (the noun-like forms are directives only there).
            if (t.IsCap && i == ListItem.ContentStart(tokens, sentence.First, sentence.Last) && !DirectiveVerbs.Directive.Contains(l) && PresentOfDirective(l))
            {
                hits.Add(new Hit(HitKind.Directive, i, i + 1, t.Text, null, i) { Listed = true });
                continue;
            }

            // "We agree to ...", "Ministers urge all parties to ...": the base form of a directive verb after "we" or a
            // collective subject (a communiqué's first person, a headline's present).
            var baseForm = !DirectiveVerbs.Directive.Contains(l) && BaseOfDirective(l) && (aux == "we" || Meetings.SubjectResolverWords.IsCollective(aux));
            if (DirectiveVerbs.Directive.Contains(l) || baseForm)
            {
                if (prev is "to" or "will" or "would" or "should" or "must" or "may" or "might" or "can" or "could" or "not")
                {
                    continue;
                }

                l = baseForm ? (l.EndsWith('e') ? l + "d" : l + "ed") : l;

                var start = i + 1;
                if (l == "warned" && next != "against")
                {
                    continue;
                }

                // "the leaders committed to building X", "We commit to X": a pledge of the meeting; "remain committed to" and
                // "committed funds" are no directive.
                if (l is "committed" or "commits" or "commit")
                {
                    if (next != "to" && !(next is "themselves" or "itself" or "ourselves" && i + 2 < sentence.Last && tokens[i + 2].Lower == "to")
                        || prev is "remain" or "remains" or "remained" or "stay" or "stays" or "stayed" or "fully" or "deeply" or "firmly" or "strongly"
                        || l == "commit" && prev != "we")
                    {
                        continue;
                    }

                    start = next == "to" ? i + 1 : i + 2;
                }

                // "invited X to join" is a directive; "invited three guests" is not.
                if (l is "invited" or "invites" && !HasInfinitive(tokens, i + 1, sentence.Last))
                {
                    continue;
                }

                if (l is "agreed" or "agrees")
                {
                    if (next is not ("to" or "that" or "on" or "in"))
                    {
                        continue;
                    }

                    if (next == "on" && !LooksLikeClause(tokens, i + 2, sentence.Last))
                    {
                        start = i + 2;
                    }
                }

                if (l is "decided" or "decides" or "stressed" or "emphasized" or "emphasised" or "urged" or "demanded" or "agreed"
                    && next is "at" or "on" or "in" or "during" or "." && !(next == "on" && i + 2 < sentence.Last && tokens[i + 2].IsWord && !tokens[i + 2].IsCap)
                    && !HasComplement(tokens, i + 1, sentence.Last))
                {
                    // "China will pursue ..., the conference decided at its session": the directive comes first.
                    var comma = LastComma(tokens, sentence.First, i);
                    if (comma > sentence.First)
                    {
                        var hit = new Hit(HitKind.Directive, i, sentence.First, t.Text, null, comma + 1) { ObjectEnd = comma };
                        hits.Add(hit);
                    }

                    continue;
                }

                start = AfterTimeAdverbial(tokens, start, sentence.Last);

                // "urged at the meeting that ..."
                if (start < sentence.Last && tokens[start].Lower is "at" or "during")
                {
                    for (var k = start + 1; k < sentence.Last && k <= start + 6; k++)
                    {
                        if (tokens[k].Lower == "that")
                        {
                            start = k;
                            break;
                        }
                    }
                }

                if (start < sentence.Last && tokens[start].Lower == "that")
                {
                    start++;
                }

                hits.Add(new Hit(HitKind.Directive, i, start, t.Text, null, sentence.First));
                continue;
            }

            // "It is necessary to X, said the meeting.": the inverted attribution of an obligation to the meeting.
            if (l is "said" or "says" or "stated" && prev == "," && AccordingToMeeting(a, sentence, i + 1) is > 0 and var saidEnd
                && (saidEnd >= sentence.Last || tokens[saidEnd].IsPunct) && HasObligation(tokens, sentence.First, i - 1))
            {
                hits.Add(new Hit(HitKind.Say, i, sentence.First, t.Text, null, sentence.First) { ObjectEnd = i - 1, Listed = true });
                i = saidEnd - 1;
                continue;
            }

            if (DirectiveVerbs.Say.Contains(l) && l is "said" or "says" or "stated" && next is "." or "at" or "on" or "in" or "during" or "")
            {
                // "Efforts must be made to ..., the meeting said."
                var comma = LastComma(tokens, sentence.First, i);
                if (comma > sentence.First && HasObligation(tokens, sentence.First, comma))
                {
                    hits.Add(new Hit(HitKind.Say, i, sentence.First, t.Text, null, comma + 1) { ObjectEnd = comma });
                }

                continue;
            }

            if (DirectiveVerbs.Say.Contains(l) && l is "said" or "says" or "stated")
            {
                var start = next == "that" ? i + 2 : i + 1;
                if (HasObligation(tokens, start, sentence.Last))
                {
                    hits.Add(new Hit(HitKind.Say, i, start, t.Text, null, sentence.First));
                }
                else if (next == "that" && prev is not ("," or "and"))
                {
                    hits.Add(new Hit(HitKind.Report, i, start, t.Text, null, sentence.First) { ObjectEnd = start });
                }

                continue;
            }

            // "The session held that the province must ...", "the meeting pointed out that efforts should be made to ...", "noted
            // that X must": a that-clause of the meeting whose own clause is an obligation is a directive, as with "said".
            var thatAt = l is "held" or "holds" or "noted" or "notes" or "maintained" or "believed" or "observed" or "acknowledged" or "recognized" or "recognised"
                ? i + 1 : l is "pointed" && next == "out" ? i + 2 : -1;
            if (thatAt > 0 && thatAt < sentence.Last && tokens[thatAt].Lower == "that")
            {
                var verbText = l == "pointed" ? "pointed out" : t.Text;
                if (ClauseObligation(tokens, thatAt + 1, sentence.Last))
                {
                    hits.Add(new Hit(HitKind.Say, i, thatAt + 1, verbText, null, sentence.First));
                }
                else if (prev is not ("," or "and"))
                {
                    hits.Add(new Hit(HitKind.Report, i, thatAt + 1, verbText, null, sentence.First) { ObjectEnd = thatAt + 1 });
                }

                i = thatAt;
                continue;
            }

            // "Local governments should strengthen X, according to the meeting." / "According to the meeting, X must ...".
            if (l == "according" && next == "to" && AccordingToMeeting(a, sentence, i + 2) is > 0 and var sourceEnd)
            {
                if (prev == "," && HasObligation(tokens, sentence.First, i - 1))
                {
                    hits.Add(new Hit(HitKind.Say, i, sentence.First, "according to", null, sentence.First) { ObjectEnd = i - 1, Listed = true });
                }
                else if (i == sentence.First && sourceEnd < sentence.Last && tokens[sourceEnd].Text == "," && ClauseObligation(tokens, sourceEnd + 1, sentence.Last))
                {
                    hits.Add(new Hit(HitKind.Say, i, sourceEnd + 1, "according to", null, sentence.First) { Listed = true });
                }

                i = sourceEnd - 1;
                continue;
            }
        }

        return hits;
    }

    /// <summary>"The Union Cabinet chaired by X has approved ...": a present perfect whose subject opens the sentence (no
    /// clause boundary between them) reports the meeting's own act; "which has approved", "since 2020 it has" do not.</summary>
    private static bool PresentPerfectOfMeeting(List<Token> tokens, int first, int aux)
    {
        for (var k = first; k < aux; k++)
        {
            if (tokens[k].Text is ";" or ":" || tokens[k].IsWord && tokens[k].Lower is "which" or "who" or "that" or "since" or "so" or "far" or "already" or "after" or "before" or "when" or "once" or "if")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the object of "agreed (on)" / "reached" starts when it is a position or a text the meeting agrees
    /// ("its general approach", "a negotiating mandate", "a joint statement", "conclusions on"), or -1.</summary>
    private static int AgreedText(List<Token> tokens, int start, int last)
    {
        var k = start;
        if (k < last && tokens[k].Lower == "on")
        {
            k++;
        }

        var objectStart = k;
        if (k < last && tokens[k].Lower is "its" or "their" or "a" or "an" or "the")
        {
            k++;
        }
        else if (k >= last || !tokens[k].IsCap)
        {
            return -1;
        }

        var end = DocumentParser.ObjectEnd(tokens, objectStart, last);
        if (k >= end || DocumentParser.HeadKind(tokens, k, end) is not { } kind)
        {
            return -1;
        }

        return kind is "general approach" or "negotiating mandate" or "negotiating position" or "common position" or "position" or "mandate"
            or "declaration" or "statement" or "communique" or "communiqué" or "conclusions" ? objectStart : -1;
    }

    /// <summary>Before the "with" at <paramref name="with"/>: the verb of ending a meeting ("ended", "closed", "concluded",
    /// "wrapped up") with at most the meeting and a time between ("their 58th meeting on Wednesday"), or -1.</summary>
    private static int ClosingVerb(List<Token> tokens, int first, int with)
    {
        for (var k = with - 1; k >= first && k >= with - 9; k--)
        {
            var t = tokens[k];
            if (t.IsPunct && t.Text is not ("-" or "'s" or "'"))
            {
                return -1;
            }

            if (t.IsWord && t.Lower is "ended" or "closed" or "concluded" or "ends" or "closes" or "concludes")
            {
                return k;
            }

            if (t.IsWord && t.Lower == "up" && k - 1 >= first && tokens[k - 1].Lower is "wrapped" or "wraps")
            {
                return k - 1;
            }

            // Only a meeting and its time lie between: no other verb ("agreed with", "met with").
            if (t.IsWord && !t.IsCap && (DirectiveVerbs.IsActionVerb(t.Lower) || t.Lower is "met" or "meets" or "talks" or "talked"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>"agree", "urge", "stress", "decide": the base form of a directive verb of the lexicon.</summary>
    internal static bool BaseOfDirective(string lower) =>
        lower.Length >= 4 && (DirectiveVerbs.Directive.Contains(lower + "d") && lower.EndsWith('e') || DirectiveVerbs.Directive.Contains(lower + "ed"));

    /// <summary>"demands", "tasks", "stresses": the third person present of a directive verb of the lexicon.</summary>
    internal static bool PresentOfDirective(string lower)
    {
        if (lower.Length < 5 || !lower.EndsWith('s'))
        {
            return false;
        }

        var stem = lower[..^1];
        return DirectiveVerbs.Directive.Contains(stem + "ed") || DirectiveVerbs.Directive.Contains(stem + "d")
            || (lower.EndsWith("es", StringComparison.Ordinal) && DirectiveVerbs.Directive.Contains(lower[..^2] + "ed"));
    }

    // "X as spokesperson", "X, a member of Y, as chair of Z": where the "as" of the role is, or -1.
    private static int NamesAppointment(List<Token> tokens, int start, int last)
    {
        for (var k = start + 1; k + 1 < last && k <= start + 16; k++)
        {
            if (tokens[k].Text is ";" or ":" || tokens[k].IsWord && DirectiveVerbs.IsActionVerb(tokens[k].Lower))
            {
                return -1;
            }

            if (tokens[k].Lower == "as" && tokens[k + 1].IsWord && tokens[k + 1].Lower is not ("well" or "part" or "a" or "the" or "it" or "they"))
            {
                return k;
            }

            if (tokens[k].Lower == "as" && tokens[k + 1].Lower is "a" or "the" && k + 2 < last && tokens[k + 2].IsWord && !tokens[k + 2].IsCap)
            {
                return k;
            }
        }

        return -1;
    }

    // "voted to approve", "decided on Friday afternoon to adopt": a verb of deciding, perhaps with a time between,
    // makes the infinitive the meeting's act.
    private static bool DecisionBeforeInfinitive(List<Token> tokens, int first, int to)
    {
        for (var k = to - 1; k >= first && k >= to - 6; k--)
        {
            var t = tokens[k];
            if (!t.IsWord)
            {
                return false;
            }

            if (t.Lower is "voted" or "agreed" or "decided" or "resolved" or "votes" or "agrees" or "decides")
            {
                return true;
            }

            if (!(t.Lower is "on" or "in" or "at" or "the" or "this" or "last" or "unanimously" or "formally" or "also" or "morning" or "afternoon" or "evening" or "night" or "today" or "yesterday" || Dates.DateWords.IsDateWord(t.Lower)))
            {
                return false;
            }
        }

        return false;
    }

    // "1. Approving a memorandum on ...", "2. Authorizing the Minister of X to ...": a numbered decision
    // whose gerund is the verb and whose subject is the meeting.
    private static void DecisionItem(Analysis a, Sentence sentence, List<Hit> hits)
    {
        var tokens = a.Tokens;
        var k = ListItem.ContentStart(tokens, sentence.First, sentence.Last);
        if (k < 0 || k + 1 >= sentence.Last || !tokens[k].IsCap || !tokens[k].Lower.EndsWith("ing", StringComparison.Ordinal) || tokens[k].Lower.Length < 6)
        {
            return;
        }

        var l = tokens[k].Lower;
        if (DirectiveVerbs.DocumentVerbs.TryGetValue(Participle(l), out var action) && LooksLikeDocument(a, k + 1, sentence.Last))
        {
            hits.Add(new Hit(HitKind.Document, k, k + 1, tokens[k].Text, action, k) { Listed = true });
            return;
        }

        if (tokens[k + 1].IsWord && tokens[k + 1].Lower is "the" or "a" or "an" or "two" or "three" || tokens[k + 1].IsCap)
        {
            hits.Add(new Hit(HitKind.Directive, k, k + 1, tokens[k].Text, null, k) { Listed = true });
        }
    }

    // "decided on Monday to ...", "agreed Tuesday that ...", "approved unanimously ...": the time or manner
    // between a verb and its object is not part of the directive.
    private static int AfterTimeAdverbial(List<Token> tokens, int start, int last)
    {
        var k = start;
        if (k + 1 < last && tokens[k].Lower == "on" && Dates.DateWords.IsDateWord(tokens[k + 1].Lower) && tokens[k + 1].IsCap)
        {
            k++;
        }

        if (k < last && tokens[k].IsCap && Dates.DateWords.TryWeekday(tokens[k].Lower, out _))
        {
            k++;
            if (k < last && tokens[k].Lower is "morning" or "afternoon" or "evening" or "night")
            {
                k++;
            }
        }
        else if (k < last && Dates.DateWords.Month(tokens[k].Lower) > 0 && tokens[k].IsCap && k + 1 < last && tokens[k + 1].Kind == TokenKind.Number)
        {
            k += 2;
        }
        else if (k < last && tokens[k].Lower is "today" or "yesterday" or "unanimously")
        {
            k++;
        }

        if (k == start || k >= last)
        {
            return start;
        }

        return tokens[k].Lower == "that" ? k + 1 : k;
    }

    private static string Participle(string ing)
    {
        var stem = ing[..^3];
        return stem switch
        {
            "review" or "discuss" or "pass" or "consider" or "examin" => stem + "ed",
            "adopt" => "adopted",
            "approv" or "deliberat" or "issu" => stem + "ed",
            _ => string.Empty,
        };
    }

    private static bool LooksLikeClause(List<Token> tokens, int start, int last) => start < last && tokens[start].IsCap && DateWordsHelper(tokens[start]);

    private static bool DateWordsHelper(Token t) => Dates.DateWords.IsDateWord(t.Lower);

    // "urged at the meeting that ..." still has its object after the verb.
    private static bool HasComplement(List<Token> tokens, int from, int last)
    {
        for (var k = from; k < last; k++)
        {
            if (tokens[k].Lower == "that" || (tokens[k].Lower == "to" && k + 1 < last && tokens[k + 1].IsWord && !tokens[k + 1].IsCap && tokens[k + 1].Lower is not ("the" or "a" or "an")))
            {
                return true;
            }
        }

        return false;
    }

    private static int LastComma(List<Token> tokens, int first, int verb)
    {
        for (var k = verb - 1; k > first; k--)
        {
            if (tokens[k].Text == ",")
            {
                return k;
            }
        }

        return -1;
    }

    private static int ClauseStart(List<Token> tokens, int first, int verb)
    {
        for (var k = verb - 1; k > first; k--)
        {
            if (tokens[k].Text == ";" || (tokens[k].Text == "," && k + 1 < verb && tokens[k + 1].Lower == "and"))
            {
                return k + (tokens[k].Text == "," ? 2 : 1);
            }
        }

        return first;
    }

    /// <summary>"should" or "must" in the first clause from <paramref name="start"/> (before a comma or semicolon).</summary>
    private static bool ClauseObligation(List<Token> tokens, int start, int last)
    {
        for (var k = start; k < last && k <= start + 25; k++)
        {
            if (tokens[k].Text is "," or ";" or ":")
            {
                return false;
            }

            if (IsObligation(tokens, k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"should", "must", or "it is necessary / imperative / essential to".</summary>
    private static bool IsObligation(List<Token> tokens, int k)
    {
        var l = tokens[k].Lower;
        return l is "should" or "must"
            || l is "necessary" or "imperative" or "essential" && k >= 2 && tokens[k - 1].Lower is "is" or "was" && tokens[k - 2].Lower == "it" && k + 1 < tokens.Count && tokens[k + 1].Lower == "to";
    }

    /// <summary>After "according to": the end of "the meeting" / "it" / "the session" / "the communique", or -1 for
    /// any other source ("according to officials").</summary>
    private static int AccordingToMeeting(Analysis a, Sentence sentence, int k)
    {
        var tokens = a.Tokens;
        if (k < sentence.Last && tokens[k].Lower == "it")
        {
            return k + 1;
        }

        if (k < sentence.Last && tokens[k].Lower is "the" or "its")
        {
            k++;
        }

        return k < sentence.Last && (MeetingWords.Nouns.Contains(tokens[k].Lower) || tokens[k].Lower is "communique" or "communiqué" or "readout" or "statement") ? k + 1 : -1;
    }

    private static bool HasObligation(List<Token> tokens, int start, int last)
    {
        for (var k = start; k < last; k++)
        {
            var l = tokens[k].Lower;
            if (IsObligation(tokens, k))
            {
                return true;
            }

            if (tokens[k].Text is ";")
            {
                break;
            }
        }

        return false;
    }

    /// <summary>"passed on third and final reading the X Bill", "approved on second reading": the legislative stage
    /// between verb and object; the index after it, or -1.</summary>
    private static int AfterReading(List<Token> tokens, int start, int last)
    {
        if (start + 2 >= last || tokens[start].Lower != "on")
        {
            return -1;
        }

        var k = start + 1;
        while (k < last && tokens[k].IsWord && tokens[k].Lower is "first" or "second" or "third" or "final" or "and" or "the" or "its")
        {
            k++;
        }

        return k > start + 1 && k < last && tokens[k].Lower is "reading" or "readings" ? k + 1 : -1;
    }

    private static int AfterFrame(List<Token> tokens, int start, int last)
    {
        if (AfterReading(tokens, start, last) is var read and > 0)
        {
            return read;
        }

        if (start + 1 >= last || tokens[start].Lower is not ("at" or "during"))
        {
            return start;
        }

        var k = start + 1;
        while (k < last && k <= start + 4 && tokens[k].IsWord && !MeetingWords.Nouns.Contains(tokens[k].Lower)
            && (MeetingWords.Determiners.Contains(tokens[k].Lower) || MeetingWords.Modifiers.Contains(tokens[k].Lower) || tokens[k].Lower is "its" or "their" or "the" or "a"))
        {
            k++;
        }

        if (k >= last || !MeetingWords.Nouns.Contains(tokens[k].Lower))
        {
            return start;
        }

        k++;

        // "... the same day", "... on Monday", "... that day", "... yesterday"
        if (k + 2 < last && tokens[k].Lower is "the" or "that" && tokens[k + 1].Lower is "same" or "previous" && tokens[k + 2].Lower == "day")
        {
            k += 3;
        }
        else if (k + 1 < last && tokens[k].Lower == "that" && tokens[k + 1].Lower == "day")
        {
            k += 2;
        }
        else if (k < last && tokens[k].Lower is "today" or "yesterday")
        {
            k++;
        }
        else
        {
            k = AfterTimeAdverbial(tokens, k, last);
        }

        if (k < last && tokens[k].Text == ",")
        {
            k++;
        }

        // Only a frame followed by the object ("a memorandum", "the draft") is skipped.
        return k < last && k > start && tokens[k].IsWord && (tokens[k].Lower is "a" or "an" or "the" or "its" or "their" || tokens[k].IsCap) && !MeetingWords.Nouns.Contains(tokens[k].Lower) ? k : start;
    }

    private static bool HasInfinitive(List<Token> tokens, int start, int last)
    {
        for (var k = start; k + 1 < last && k <= start + 40; k++)
        {
            if (tokens[k].Text is ";" or ":" or ".")
            {
                return false;
            }

            if (tokens[k].Lower == "to" && tokens[k + 1].IsWord && !tokens[k + 1].IsCap && tokens[k + 1].Lower is not ("the" or "a" or "an"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesRate(List<Token> tokens, int start, int last)
    {
        if (start >= last || !tokens[start].IsWord || tokens[start].Lower is "in" or "at" or "on" or "for" or "by" or "up" or "out" or "off" or "back")
        {
            return false;
        }

        for (var k = start; k < last && k <= start + 7; k++)
        {
            if (tokens[k].IsPunct)
            {
                return false;
            }

            if (tokens[k].Lower is "rate" or "rates")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"a budget to repay the debt", "an extra budget of 5 billion": a sum of money set aside
    /// for a purpose, which approving makes a resolution, not a document (unlike "the draft budget for 2025").</summary>
    internal static bool IsAllocation(List<Token> tokens, int start, int last)
    {
        var k = start;
        while (k < last && k < start + 4 && tokens[k].IsWord && !DirectiveVerbs.AllocationNouns.Contains(tokens[k].Lower))
        {
            if (tokens[k].Lower is "draft" or "drafts" or "revised" or "final")
            {
                return false;
            }

            k++;
        }

        if (k + 2 >= last || !DirectiveVerbs.AllocationNouns.Contains(tokens[k].Lower))
        {
            return false;
        }

        var next = tokens[k + 1];
        var after = tokens[k + 2];
        return next.Lower == "to" && after.IsWord && !after.IsCap && after.Lower is not ("the" or "a" or "an" or "be")
            || next.Lower is "of" or "worth" && (after.Kind == TokenKind.Number || after.IsCap && k + 3 < last && tokens[k + 3].Kind == TokenKind.Number);
    }

    /// <summary>The "of" after "took note" ("of", "with appreciation of", "with satisfaction of"), or -1.</summary>
    private static int TookNoteOf(List<Token> tokens, int k, int last)
    {
        if (k + 1 < last && tokens[k].Lower == "with" && tokens[k + 1].Lower is "appreciation" or "satisfaction" or "interest" or "concern")
        {
            k += 2;
        }

        return k + 1 < last && tokens[k].Lower == "of" ? k : -1;
    }

    private static bool LooksLikeDocument(Analysis a, int start, int last)
    {
        var tokens = a.Tokens;
        var k = start;
        while (k < last && tokens[k].IsWord && tokens[k].Lower is "a" or "an" or "the" or "their" or "its" or "another" or "both" or "two" or "three" or "four" or "five" or "several")
        {
            k++;
        }

        if (k < last && tokens[k].Lower is "it" or "them" or "one")
        {
            return true;
        }

        // "the first batch of plans", "a new package of rules": an ordinal or "new" before the quantity.
        if (k + 3 < last && tokens[k].Lower is "first" or "second" or "third" or "new" or "final" or "latest" or "next" or "further" && DocumentParser.IsQuantity(tokens[k + 1].Lower))
        {
            k++;
        }

        // "a number of regulations", "22 international agreements": a quantity before the head.
        if (k + 2 < last && DocumentParser.IsQuantity(tokens[k].Lower) && tokens[k + 1].Lower == "of")
        {
            k += 2;
            if (DirectiveVerbs.IsDocumentKind(tokens[k].Lower))
            {
                return true;
            }
        }
        else if (k < last && tokens[k].Kind == TokenKind.Number)
        {
            k++;
        }

        var end = DocumentParser.ObjectEnd(tokens, start, last);
        return k < end && DocumentParser.HeadKind(tokens, k, end) is not null;
    }

    private static void Resolution(Analysis a, int s, MeetingDraft meeting, Hit hit)
    {
        var tokens = a.Tokens;
        var start = hit.ObjectStart;
        var end = hit.ObjectEnd;
        while (start < end && tokens[start].IsPunct && tokens[start].Text is "," or ":")
        {
            start++;
        }

        while (end > start && tokens[end - 1].IsPunct && tokens[end - 1].Text is "," or "." or ";" or ":" or "-" or "--")
        {
            end--;
        }

        if (end <= start)
        {
            return;
        }

        // An assessment ("agreed that the campaign has met its goals") is not a directive.
        // "fully endorsed the work of the Bureau since the last session": approving past work is an assessment.
        if (hit.VerbText.ToLowerInvariant() is "endorsed" or "endorses" or "approved" or "approves" && end - start > 2 && tokens[start].Lower is "the" or "its" && tokens[start + 1].Lower == "work" && tokens[start + 2].Lower == "of")
        {
            return;
        }

        // "agreed to hold an inquiry once families had been consulted" is a decision: an infinitive is never an assessment.
        if (hit.VerbText.ToLowerInvariant() is "agreed" or "agrees" or "confirmed" or "confirms" or "noted" or "said" or "endorsed" or "endorses" && tokens[start].Lower != "to" && HasPerfect(tokens, start, end))
        {
            return;
        }

        // "decided that A would ..., and that B would ...": one directive verb, one resolution (the annotation rules);
        // the impersonal "It was decided that A, and that B" lists separate decisions of the meeting, one each.
        var pieces = hit.Kind == HitKind.ItWasDecided ? SplitAndThat(tokens, start, end) : [(start, end)];
        foreach (var (ps, pe) in pieces)
        {
            if (pe <= ps)
            {
                continue;
            }

            var span = new TextSpan(tokens[ps].Start, tokens[pe - 1].End - tokens[ps].Start);
            var text = DocumentParser.Text(a, ps, pe);
            if (!meeting.ResolutionSpans.Add(span))
            {
                continue;
            }

            var issuer = hit.Kind == HitKind.PassiveDirective || hit.Kind == HitKind.ItWasDecided ? "meeting" : IssuerOf(a, s, hit, meeting);
            // Calibrated on the visible sets (scripts/corpus-score.sh prints the table): a strong directive verb
            // with its own subject is right nine times in ten; the rest less often.
            var verb = hit.VerbText.Split(' ')[0].ToLowerInvariant();
            var confidence = hit.Kind switch
            {
                HitKind.Say => 0.55,
                HitKind.PassiveDirective => 0.65,
                _ when hit.Coordinated => 0.75,
                _ when DirectiveVerbs.Strong.Contains(verb) => 0.9,
                _ => 0.8,
            };
            meeting.Resolutions.Add(new ExtractedResolution(text, hit.VerbText, issuer, span, confidence));
        }

        _ = s;
    }

    private static string IssuerOf(Analysis a, int s, Hit hit, MeetingDraft meeting)
    {
        foreach (var n in a.Names[s])
        {
            if (n.First < hit.Verb && SubjectResolver.IsChair(meeting, n.Name))
            {
                return n.Name;
            }
        }

        return "meeting";
    }

    private static List<(int Start, int End)> SplitAndThat(List<Token> tokens, int start, int end)
    {
        var result = new List<(int, int)>();
        var s = start;
        for (var k = start; k + 2 < end; k++)
        {
            if (tokens[k].Text == "," && tokens[k + 1].Lower == "and" && tokens[k + 2].Lower == "that")
            {
                result.Add((s, k));
                s = k + 3;
                k += 2;
            }
        }

        result.Add((s, end));
        return result;
    }

    private static bool HasPerfect(List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var l = tokens[k].Lower;
            // "agreed that X would apply once Y has been heard": a modal first makes the perfect a subordinate one.
            if (l is "should" or "must" or "be" or "would" or "will" or "shall")
            {
                return false;
            }

            if (l is "has" or "have" or "had")
            {
                return true;
            }

            // "agreed that the port reopens once the dredging has finished": a perfect in a subordinate clause is not the clause's own.
            if (l is "once" or "when" or "after" or "until" or "before" or "if" or "unless")
            {
                return false;
            }
        }

        return false;
    }

    private static int? AppositiveList(List<Token> tokens, int end, int last)
    {
        if (end + 2 >= last || tokens[end].Text != ",")
        {
            return null;
        }

        var k = end + 1;
        if (tokens[k].Lower == "among" && tokens[k + 1].Lower is "them" or "these" or "which")
        {
            k += 2;
        }
        else if (tokens[k].Lower is "including" or "namely")
        {
            k++;
        }
        else
        {
            return null;
        }

        return k < last && (tokens[k].IsCap || tokens[k].Lower is "the" or "a" or "an") ? k : null;
    }

    private static void Documents(Analysis a, int s, int meetingIndex, Hit hit)
    {
        var tokens = a.Tokens;
        var meeting = a.Meetings[meetingIndex];
        var start = hit.ObjectStart;
        var end = hit.ObjectEnd;
        if (start >= end)
        {
            return;
        }

        // "issued the following decisions:" leads a list; its items are the decisions.
        var lead = tokens[start].Lower == "the" && start + 1 < end ? start + 1 : start;
        if (end - start <= 4 && tokens[lead].Lower == "following")
        {
            return;
        }

        var first = tokens[start].Lower;

        // "signed off on the paper", "approved the document": a bare definite head refers back to the meeting's
        // document already named; it is no new one (its first action stands).
        if (end - start == 2 && first == "the" && DirectiveVerbs.IsDocumentKind(tokens[start + 1].Lower) && meeting.Documents.Count > 0)
        {
            // "discussed a draft revision to the law, adopted the draft in principle": a decisive act on the document
            // only discussed or reviewed so far is what the meeting did with it.
            if (hit.Action is DocumentAction.Adopted or DocumentAction.Approved or DocumentAction.Passed && hit.Kind == HitKind.Document)
            {
                var head = tokens[start + 1].Lower;
                var referent = meeting.Documents.FindLast(d => d.Title.Contains(head, StringComparison.OrdinalIgnoreCase)) ?? meeting.Documents[^1];
                if (referent.Action is DocumentAction.Discussed or DocumentAction.Reviewed or DocumentAction.Deliberated)
                {
                    referent.Action = hit.Action;
                }
            }

            return;
        }

        // "heard reports from the ministries on X": reports without a determiner after "heard" are briefings, not documents.
        if (IsBriefingReports(tokens, start, hit.VerbText))
        {
            return;
        }

        // "issued such a statement": a document already named, not a new one.
        if (first == "such")
        {
            return;
        }

        if (first is "it" or "them")
        {
            // "discussed a draft law and adopted it": the action applies to what was just named.
            if (hit.Action is { } act)
            {
                var recent = new List<DocumentDraft>();
                for (var i = meeting.Documents.Count - 1; i >= 0 && i >= meeting.Documents.Count - 16; i--)
                {
                    var d = meeting.Documents[i];
                    if (d.Span.Start < tokens[start].Start && d.Span.Start >= a.Tokens[a.Sentences[s].First].Start)
                    {
                        recent.Insert(0, d);
                    }
                }

                if (recent.Count == 0 && meeting.Documents.Count > 0)
                {
                    recent = [meeting.Documents[^1]];
                }

                if (first == "it" && recent.Count > 1)
                {
                    recent = [recent[^1]];
                }

                foreach (var d in recent)
                {
                    d.Action = act;
                }
            }

            return;
        }

        if (TryCoreference(a, meetingIndex, start, end, hit.Kind == HitKind.Briefed ? null : hit.Action))
        {
            return;
        }

        // "gave their approval to a report on how the 2024 development plan was carried out and on the draft plan for 2025,
        // and approved the 2025 plan itself": the plan the report was about, named with the earlier plan's subject.
        if (hit.Action is { } selfAction && ItselfTitle(a, s, start, end) is { } itself)
        {
            var span = new TextSpan(tokens[start].Start, tokens[end - 1].End - tokens[start].Start);
            var draft = new DocumentDraft { Title = itself.Title, Kind = itself.Kind, Action = selfAction, Span = span, Meeting = meetingIndex, Confidence = 0.7 };
            a.DocumentMentions.Add(draft);
            AddDocument(meeting, draft, exactOnly: true);
            return;
        }

        // "approved a number of regulations drawn up by cities, among them the X Regulations, the Y Regulations and ...":
        // the documents are the ones the appositive names.
        if (AppositiveList(tokens, end, a.Sentences[s].Last) is { } named)
        {
            (start, end) = (named, DocumentParser.ObjectEnd(tokens, named, a.Sentences[s].Last));
        }

        var previous = meeting.Documents.Count > 0 ? meeting.Documents[^1] : a.DocumentMentions.Count > 0 ? a.DocumentMentions[^1] : null;
        foreach (var item in DocumentParser.Split(a, start, end, previous, meeting.Body))
        {
            if (!item.IsDocument || item.IsSummary)
            {
                continue;
            }

            var span = new TextSpan(tokens[item.First].Start, tokens[item.Last - 1].End - tokens[item.First].Start);
            var briefed = hit.Kind == HitKind.Briefed;
            var draft = new DocumentDraft { Title = item.Title, Kind = item.Kind, Action = briefed ? DocumentAction.Discussed : hit.Action, FromBriefing = briefed, Span = span, Meeting = meetingIndex, Confidence = briefed ? 0.7 : 0.8 };
            a.DocumentMentions.Add(draft);
            if (draft.Action is not null)
            {
                AddDocument(meeting, draft);
            }
        }
    }

    /// <summary>"approved its earlier decisions of 13 May": confirming decisions of an earlier meeting is a resolution.</summary>
    private static bool EarlierDecisions(List<Token> tokens, int start, int last) =>
        start + 2 < last && tokens[start].Lower is "its" or "their" or "the" && tokens[start + 1].Lower is "earlier" or "previous" or "last"
            && tokens[start + 2].Lower is "decisions" or "decision" or "resolutions" or "minutes";

    private static bool IsHearing(string verb) => verb.ToLowerInvariant() is "heard" or "hear" or "hears";

    /// <summary>"heard reports on how X", "Reports were heard on ...": oral reports (an undetermined plural after
    /// "hear") brief the meeting.</summary>
    internal static bool IsBriefingReports(List<Token> tokens, int start, string verb) =>
        verb.ToLowerInvariant() is "heard" or "hear" or "hears" && start < tokens.Count && tokens[start].Lower is "reports" or "briefings";

    /// <summary>"the 2025 plan itself" (or "the budget itself") after a title that names such a plan with its subject
    /// ("the 2024 national economic and social development plan", "the 2024 plan for socio-economic development"): the
    /// object's own words with that subject ("2025 plan for national economic and social development"), or null.</summary>
    private static (string Title, string Kind)? ItselfTitle(Analysis a, int s, int start, int end)
    {
        var tokens = a.Tokens;
        var last = end;
        while (last > start && tokens[last - 1].IsPunct)
        {
            last--;
        }

        if (last - start < 2 || tokens[last - 1].Lower != "itself")
        {
            return null;
        }

        var first = tokens[start].Lower is "the" or "its" or "their" ? start + 1 : start;
        var headAt = last - 2;
        if (headAt < first || !DirectiveVerbs.IsDocumentKind(tokens[headAt].Lower))
        {
            return null;
        }

        var head = DirectiveVerbs.KindOf(tokens[headAt].Lower);
        var sentence = a.Sentences[s];
        for (var j = start - 1; j >= sentence.First; j--)
        {
            if (!tokens[j].IsWord || DirectiveVerbs.KindOf(tokens[j].Lower) != head)
            {
                continue;
            }

            // Premodifiers: lower-case words before the head ("national economic and social development").
            var pre = j;
            while (pre - 1 >= sentence.First && tokens[pre - 1].IsWord && !tokens[pre - 1].IsCap && tokens[pre - 1].Lower is not ("the" or "a" or "an" or "its" or "their" or "draft" or "on" or "of" or "for" or "how" or "new" or "revised"))
            {
                pre--;
            }

            // Postmodifier: "for socio-economic development", up to punctuation, "and" or a verb.
            var post = j + 1;
            if (post < start && tokens[post].Lower is "for" or "on")
            {
                post++;
                while (post < start && tokens[post].IsWord && tokens[post].Lower is not ("and" or "was" or "were" or "is" or "are" or "had" or "has") && !DirectiveVerbs.IsActionVerb(tokens[post].Lower))
                {
                    post++;
                }
            }

            var postText = post > j + 2 && !OnlyYears(tokens, j + 2, post) ? " " + DocumentParser.Text(a, j + 1, post) : string.Empty;
            var preText = pre < j && !(pre == j - 1 && tokens[pre].Lower == "and") ? DocumentParser.Text(a, pre, j) : string.Empty;
            if (postText.Length == 0 && preText.Length == 0)
            {
                continue;
            }

            var own = headAt > first ? DocumentParser.Text(a, first, headAt) : string.Empty;
            var title = preText.Length > 0
                ? (own.Length > 0 ? own + " " : string.Empty) + tokens[headAt].Text + " for " + preText + postText
                : DocumentParser.Text(a, first, headAt + 1) + postText;
            return (title, head);
        }

        return null;
    }

    private static bool OnlyYears(List<Token> tokens, int first, int last)
    {
        for (var k = first; k < last; k++)
        {
            if (!(tokens[k].Kind == TokenKind.Number || tokens[k].IsWord && tokens[k].Lower is "the" or "year" or "period"))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddDocument(MeetingDraft meeting, DocumentDraft draft, bool exactOnly = false)
    {
        var key = draft.TitleKey ??= Key(draft.Title);

        // Duplicates are near each other; a bounded look-back keeps huge inputs linear.
        for (var i = meeting.Documents.Count - 1; i >= 0 && i >= meeting.Documents.Count - 32; i--)
        {
            var d = meeting.Documents[i];
            var k = d.TitleKey ??= Key(d.Title);
            if (k.SetEquals(key) || (!exactOnly && key.Count > 0 && k.IsSupersetOf(key)) || (!exactOnly && k.Count > 0 && key.IsSupersetOf(k) && k.Count >= 3))
            {
                return;
            }
        }

        meeting.Documents.Add(draft);
    }

    private static HashSet<string> Key(string title)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in title.ToLowerInvariant().Split([' ', ',', '\'', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (w is not ("a" or "an" or "the" or "of" or "on" or "and" or "for" or "to" or "s"))
            {
                set.Add(w);
            }
        }

        return set;
    }

    // "The two drafts had been deliberated and approved ...", "both documents".
    private static bool TryCoreference(Analysis a, int meetingIndex, int start, int end, DocumentAction? action)
    {
        var tokens = a.Tokens;
        var k = start;
        if (k < end && tokens[k].Lower is "the" or "these" or "those")
        {
            k++;
        }

        var count = k < end ? tokens[k].Lower switch
        {
            "two" or "both" => 2,
            "three" => 3,
            "four" => 4,
            _ => 0,
        } : 0;
        if (count == 0 || k + 1 >= end || end - k > 3)
        {
            return false;
        }

        var noun = tokens[k + 1].Lower;
        if (!Resolutions.DirectiveVerbs.DocumentKinds.Contains(noun))
        {
            return false;
        }

        var mentions = a.DocumentMentions;
        if (mentions.Count < count || action is null)
        {
            return true;
        }

        var meeting = a.Meetings[meetingIndex];
        for (var i = mentions.Count - count; i < mentions.Count; i++)
        {
            var d = mentions[i];
            if (d.Meeting == meetingIndex && meeting.Documents.Contains(d))
            {
                d.Action = action;
                continue;
            }

            // What one meeting was briefed on and another acted on is the other meeting's document.
            if (d.FromBriefing && d.Meeting >= 0 && d.Meeting != meetingIndex)
            {
                a.Meetings[d.Meeting].Documents.Remove(d);
            }

            var copy = new DocumentDraft { Title = d.Title, Kind = d.Kind, Action = action, Span = d.Span, Meeting = meetingIndex, Confidence = 0.7 };
            AddDocument(meeting, copy);
        }

        return true;
    }

    // "X was adopted", "X and Y were approved in principle", "..., as was another draft, which ...".
    /// <summary>"In its conclusions on X, published on Thursday evening, ...", "Policymakers' new projections, released
    /// with the statement, showed ...": the meeting's own document named before a reduced relative of publishing is
    /// one it issued.</summary>
    private static void PublishedDocuments(Analysis a, int s, int meetingIndex)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        for (var k = sentence.First + 2; k + 2 < sentence.Last; k++)
        {
            if (tokens[k].Text != "," || tokens[k + 1].Lower is not ("published" or "released" or "issued")
                || tokens[k + 2].Lower is not ("on" or "with" or "after" or "at" or "alongside" or "together" or "later" or "earlier" or "shortly" or "in"))
            {
                continue;
            }

            // Back to the possessor: "its" / "their", or a collective possessive ("policymakers'", "members'").
            var first = -1;
            for (var j = k - 1; j >= sentence.First && j >= k - 14; j--)
            {
                var l = tokens[j].Lower;
                if (l is "its" or "their")
                {
                    first = j + 1;
                    break;
                }

                if (l == "'s" && j - 1 >= sentence.First && Meetings.SubjectResolverWords.IsCollective(tokens[j - 1].Lower))
                {
                    first = j + 1;
                    break;
                }

                if (tokens[j].Text is ";" or ":" || tokens[j].IsWord && DirectiveVerbs.IsActionVerb(l))
                {
                    break;
                }
            }

            if (first < 0 || first >= k || DocumentParser.HeadKind(tokens, first, k) is not { } kind)
            {
                continue;
            }

            var meeting = a.Meetings[meetingIndex];
            var span = new TextSpan(tokens[first].Start, tokens[k - 1].End - tokens[first].Start);
            var draft = new DocumentDraft { Title = DocumentParser.Text(a, first, k), Kind = kind, Action = DocumentAction.Issued, Span = span, Meeting = meetingIndex, Confidence = 0.75 };
            a.DocumentMentions.Add(draft);
            AddDocument(meeting, draft);
        }
    }

    private static void PassiveDocuments(Analysis a, int s, int meetingIndex)
    {
        var tokens = a.Tokens;
        var sentence = a.Sentences[s];
        for (var i = sentence.First + 1; i < sentence.Last; i++)
        {
            var aux = tokens[i].Lower;
            if (aux is not ("was" or "were" or "been"))
            {
                continue;
            }

            var j = i + 1;
            while (j < sentence.Last && tokens[j].IsWord && tokens[j].Lower is "also" or "all" or "then" or "both" or "further" or "unanimously" or "formally")
            {
                j++;
            }

            if (j >= sentence.Last || !DirectiveVerbs.DocumentVerbs.TryGetValue(tokens[j].Lower, out var action) || !tokens[j].Lower.EndsWith("ed", StringComparison.Ordinal) && tokens[j].Lower != "heard")
            {
                continue;
            }

            var v = j + 1;
            var lastVerb = tokens[j].Text;
            while (v + 1 < sentence.Last && tokens[v].Lower == "and" && DirectiveVerbs.DocumentVerbs.TryGetValue(tokens[v + 1].Lower, out var later))
            {
                action = later;
                lastVerb = tokens[v + 1].Text;
                v += 2;
            }

            // "A report on X was heard": a briefing, not a document acted on.
            if (IsHearing(lastVerb))
            {
                continue;
            }

            // An agent other than the meeting ("approved by the Central Committee") is another body's act.
            if (v + 1 < sentence.Last && tokens[v].Lower == "by")
            {
                continue;
            }

            var subjectStart = ClauseStart(tokens, sentence.First, i);
            if (tokens[i - 1].Lower is "as" && tokens[i].Lower is "was" or "were")
            {
                continue;
            }

            // "as was another draft, which ..." after the clause.
            var subjectEnd = i;
            if (tokens[i].Lower == "been" && i - 1 > subjectStart && tokens[i - 1].Lower is "had" or "has" or "have")
            {
                subjectEnd = i - 1;
            }

            var meeting = a.Meetings[meetingIndex];
            if (subjectEnd == subjectStart + 1 && IsBriefingReports(tokens, subjectStart, tokens[j].Lower))
            {
                continue;
            }

            var cut = DocumentParser.ObjectEnd(tokens, subjectStart, subjectEnd);
            if (cut > subjectStart && !TryCoreference(a, meetingIndex, subjectStart, cut, action))
            {
                var previous = meeting.Documents.Count > 0 ? meeting.Documents[^1] : null;
                foreach (var item in DocumentParser.Split(a, subjectStart, cut, previous))
                {
                    if (!item.IsDocument || item.IsSummary)
                    {
                        continue;
                    }

                    var span = new TextSpan(tokens[item.First].Start, tokens[item.Last - 1].End - tokens[item.First].Start);
                    var draft = new DocumentDraft { Title = item.Title, Kind = item.Kind, Action = action, Span = span, Meeting = meetingIndex, Confidence = 0.75 };
                    a.DocumentMentions.Add(draft);
                    AddDocument(meeting, draft);
                }
            }

            // ", as was another draft, which revises ..."
            for (var k = v; k + 2 < sentence.Last; k++)
            {
                if (tokens[k].Text == "," && tokens[k + 1].Lower == "as" && tokens[k + 2].Lower is "was" or "were")
                {
                    var start = k + 3;
                    var end = DocumentParser.ObjectEnd(tokens, start, sentence.Last);
                    var previous = meeting.Documents.Count > 0 ? meeting.Documents[^1] : null;
                    foreach (var item in DocumentParser.Split(a, start, end, previous))
                    {
                        if (!item.IsDocument)
                        {
                            continue;
                        }

                        var span = new TextSpan(tokens[item.First].Start, tokens[item.Last - 1].End - tokens[item.First].Start);
                        var draft = new DocumentDraft { Title = item.Title, Kind = item.Kind, Action = action, Span = span, Meeting = meetingIndex, Confidence = 0.7 };
                        a.DocumentMentions.Add(draft);
                        AddDocument(meeting, draft);
                    }

                    break;
                }
            }

            i = v;
        }
    }
}

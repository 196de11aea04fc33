using PolicyTracker.Data.Entities;

namespace PolicyTracker.Data.Editing;

// One of a meeting's facts as this report claims it: the fact's fields, this report's source of it
// (span, confidence, verdict), and what the editor did to it.
public abstract class ReviewItem
{
    private readonly string _newKey = "n" + Guid.NewGuid().ToString("N")[..12];

    public virtual string Key => Id is { } id ? "i" + id.ToString("N") : _newKey;

    public Guid? Id { get; set; }

    public uint Version { get; set; }

    public int SpanStart { get; set; }

    public int SpanLength { get; set; }

    public double Confidence { get; set; }

    // Place in the meeting's list of facts of this kind.
    public int Position { get; set; }

    // This report's source of the fact.
    public Guid? SourceId { get; set; }

    public uint SourceVersion { get; set; }

    public Verdict Verdict { get; set; }

    public bool InBulk { get; set; }

    public string? VerdictBy { get; set; }

    public DateTimeOffset? VerdictAt { get; set; }

    // Other reports that claim the same fact.
    public int OtherReports { get; set; }

    public bool Removed { get; set; }

    public bool Changed { get; set; }

    public bool IsNew => Id is null;

    // Looked at by a person: accepted, edited or added (removed items leave the list).
    public bool Verified => Verdict is Verdict.Accepted or Verdict.Edited or Verdict.Added;

    public bool VerdictChanged => Original is { } original && (original.Verdict != Verdict || original.InBulk != InBulk);

    public bool HasChanges => IsNew ? !Removed : Changed || Removed || VerdictChanged;

    // The item as loaded: after a conflict, the fields the editor did not touch take the other
    // editor's values, so "keep mine" keeps both people's work.
    public ReviewItem? Original { get; private set; }

    public abstract FactKind Kind { get; }

    public abstract string Label { get; }

    public int SpanEnd => SpanStart + SpanLength;

    public void Accept(bool inBulk = false)
    {
        if (Verdict == Verdict.Extracted)
        {
            Verdict = Verdict.Accepted;
            InBulk = inBulk;
        }
    }

    // An editor applied an edit: the extractor's claim was wrong in part, or, when nothing
    // differs from what was loaded, right as it was.
    public void MarkEdited()
    {
        if (Original is { } original && SameFields(original))
        {
            Accept();
            return;
        }

        Changed = true;
        if (Verdict is Verdict.Extracted or Verdict.Accepted)
        {
            Verdict = Verdict.Edited;
            InBulk = false;
        }
    }

    public void UndoRemove() => Removed = false;

    internal void Snapshot() => Original = Copy();

    internal ReviewItem Copy() => (ReviewItem)MemberwiseClone();

    // The three-way merge of "keep mine": every field the editor left as loaded takes their value.
    internal void TakeUntouchedFields(ReviewItem theirs)
    {
        if (Original is not { } original)
        {
            return;
        }

        MergeFields(original, theirs);
        (SpanStart, SpanLength) = Pick((SpanStart, SpanLength), (original.SpanStart, original.SpanLength), (theirs.SpanStart, theirs.SpanLength));
        if (Verdict == Verdict.Extracted)
        {
            (Verdict, InBulk) = (theirs.Verdict, theirs.InBulk);
        }
    }

    protected abstract void MergeFields(ReviewItem original, ReviewItem theirs);

    protected abstract bool SameFields(ReviewItem other);

    // An edit that changes anything but the verdict: stored items become edited, new ones stay added.
    protected void Edited()
    {
        if (!IsNew)
        {
            MarkEdited();
        }
    }

    protected static T Pick<T>(T mine, T original, T theirs) => EqualityComparer<T>.Default.Equals(mine, original) ? theirs : mine;

    protected static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ReviewParticipant : ReviewItem
{
    public Guid? PersonId { get; set; }

    public required string Name { get; set; }

    public ParticipationRole Role { get; set; }

    public string? TitleAsWritten { get; set; }

    public override FactKind Kind => FactKind.Person;

    public override string Label => Name;

    // The editor's values; person is who the typed name resolved to, if anyone. Returns why the
    // edit cannot be applied, or null once it is.
    public string? Apply(string? typed, ParticipationRole role, string? title, LookupOption? person)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return "A participant needs a name.";
        }

        typed = typed.Trim();
        PersonId = person?.Id;
        Name = person?.Name ?? typed;
        Role = role;
        TitleAsWritten = Blank(title);
        // "President Xi Jinping" found Xi Jinping: the words in front are the title as written.
        if (person is not null && TitleAsWritten is null && typed.Length > person.Name.Length
            && typed.EndsWith(person.Name, StringComparison.OrdinalIgnoreCase))
        {
            TitleAsWritten = typed[..^person.Name.Length].Trim();
        }

        Edited();
        return null;
    }

    protected override bool SameFields(ReviewItem other) => other is ReviewParticipant o
        && o.PersonId == PersonId && o.Name == Name && o.Role == Role && o.TitleAsWritten == TitleAsWritten
        && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    protected override void MergeFields(ReviewItem original, ReviewItem theirs)
    {
        if ((original, theirs) is (ReviewParticipant o, ReviewParticipant t))
        {
            (PersonId, Name) = Pick((PersonId, Name), (o.PersonId, o.Name), (t.PersonId, t.Name));
            Role = Pick(Role, o.Role, t.Role);
            TitleAsWritten = Pick(TitleAsWritten, o.TitleAsWritten, t.TitleAsWritten);
            Position = Pick(Position, o.Position, t.Position);
        }
    }
}

public sealed class ReviewResolution : ReviewItem
{
    public required string Text { get; set; }

    public string Verb { get; set; } = string.Empty;

    public string? IssuedBy { get; set; }

    public override FactKind Kind => FactKind.Resolution;

    public override string Label => Text;

    public string? Apply(string? text, string? verb)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "A resolution needs its text.";
        }

        Text = text.Trim();
        Verb = verb?.Trim() ?? string.Empty;
        Edited();
        return null;
    }

    protected override bool SameFields(ReviewItem other) => other is ReviewResolution o
        && o.Text == Text && o.Verb == Verb && o.IssuedBy == IssuedBy && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    protected override void MergeFields(ReviewItem original, ReviewItem theirs)
    {
        if ((original, theirs) is (ReviewResolution o, ReviewResolution t))
        {
            Text = Pick(Text, o.Text, t.Text);
            Verb = Pick(Verb, o.Verb, t.Verb);
            IssuedBy = Pick(IssuedBy, o.IssuedBy, t.IssuedBy);
        }
    }
}

public sealed class ReviewDocumentAction : ReviewItem
{
    public Guid? DocumentId { get; set; }

    public required string Title { get; set; }

    public string? DocumentKind { get; set; }

    public DocumentActionKind Action { get; set; }

    public override FactKind Kind => FactKind.Document;

    public override string Label => Title;

    // A title typed differently names a different document until the save resolves it.
    public string? Apply(string? title, DocumentActionKind action, string? kind)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return "A document needs a title.";
        }

        if (!string.Equals(Title, title.Trim(), StringComparison.Ordinal))
        {
            DocumentId = null;
        }

        Title = title.Trim();
        Action = action;
        DocumentKind = Blank(kind);
        Edited();
        return null;
    }

    // The editor took a suggestion: this is the document followed at other meetings.
    public void LinkTo(DocumentSuggestion suggestion)
    {
        DocumentId = suggestion.DocumentId;
        Title = suggestion.Title;
        Edited();
    }

    protected override bool SameFields(ReviewItem other) => other is ReviewDocumentAction o
        && o.DocumentId == DocumentId && o.Title == Title && o.DocumentKind == DocumentKind && o.Action == Action
        && o.SpanStart == SpanStart && o.SpanLength == SpanLength;

    protected override void MergeFields(ReviewItem original, ReviewItem theirs)
    {
        if ((original, theirs) is (ReviewDocumentAction o, ReviewDocumentAction t))
        {
            (DocumentId, Title) = Pick((DocumentId, Title), (o.DocumentId, o.Title), (t.DocumentId, t.Title));
            DocumentKind = Pick(DocumentKind, o.DocumentKind, t.DocumentKind);
            Action = Pick(Action, o.Action, t.Action);
        }
    }
}

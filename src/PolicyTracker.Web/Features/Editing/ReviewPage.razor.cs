using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Features.Editing;

public sealed partial class ReviewPage
{
    private readonly DialogOptions _dialogOptions = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
    private readonly EditBuffer _edit = new();
    private readonly Dictionary<string, string?> _personDetails = [];

    private ReviewDraft? _draft;
    private IReadOnlyList<TextSegment> _segments = [];
    private IReadOnlyList<MergeSuggestion> _merges = [];
    private List<DocumentSuggestion> _documentLinks = [];
    private IReadOnlyList<ReviewConflict> _conflicts = [];
    private ElementReference _pane;
    private IJSObjectReference? _module;
    private DotNetObjectReference<ReviewPage>? _self;
    private bool _loading = true;
    private bool _busy;
    private bool _attached;
    private bool _conflictOpen;
    private bool _pendingPublish;
    private bool _editIsNew;
    private string? _conflictMessage;
    private string? _activeKey;
    private string? _editingKey;
    private string? _scrollTo;
    private string? _targetMeetingKey;
    private (int Start, int End)? _selection;
    private (int Start, int End)? _sentence;
    private int _tab;
    private int _verified;
    private int _total;
    private int _wordCount;

    [Parameter]
    public Guid Id { get; set; }

    private int Unsaved => _draft is null ? 0
        : (_draft.HeaderChanged ? 1 : 0) + _draft.Meetings.Count(m => m.IsNew ? !m.Removed : m.Changed || m.Removed)
            + _draft.Items.Count(i => i.HasChanges);

    private Color StatusColor => _draft?.Status switch
    {
        ReportStatus.Published => Color.Success,
        ReportStatus.Archived => Color.Default,
        _ => Color.Warning,
    };

    // The selected tab lives in the URL (?tab=history), so a link or Back brings the same view.
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _tab = string.Equals(Tab, "history", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (_draft is not null && _draft.ReportId == Id)
        {
            // Only the query changed: keep the editor's unsaved work.
            return;
        }

        _loading = true;
        _draft = await Review.LoadAsync(Id);
        _wordCount = _draft is null ? 0 : _draft.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        _loading = false;
        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_draft is null || _loading)
        {
            return;
        }

        if (!_attached)
        {
            _attached = true;
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Editing/ReviewPage.razor.js");
            _self = DotNetObjectReference.Create(this);
            if (_module is not null)
            {
                await _module.InvokeVoidAsync("attach", _pane, _self);
            }

            await LoadSuggestionsAsync();
            StateHasChanged();
        }

        if (_scrollTo is { } target && _module is not null)
        {
            _scrollTo = null;
            await _module.InvokeVoidAsync("scrollTo", target);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_module is not null)
        {
            try
            {
                await _module.InvokeVoidAsync("detach");
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone; so is the page.
            }
        }

        _self?.Dispose();
    }

    [JSInvokable]
    public async Task SourceClicked(string key)
    {
        if (_draft?.Find(key) is { } item)
        {
            ShowTab(0);
            SelectCore(item);
            _scrollTo = "row-" + key;
            await InvokeAsync(StateHasChanged);
        }
        else if (_draft?.Meetings.FirstOrDefault(m => m.Key == key) is { } meeting)
        {
            ShowTab(0);
            _scrollTo = meeting.Key;
            await InvokeAsync(StateHasChanged);
        }
    }

    [JSInvokable]
    public async Task SelectionChanged(int start, int end)
    {
        if (_draft is null)
        {
            return;
        }

        if (start < 0 || end <= start || end > _draft.Text.Length)
        {
            if (_selection is null)
            {
                return;
            }

            _selection = null;
        }
        else
        {
            while (start < end && char.IsWhiteSpace(_draft.Text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(_draft.Text[end - 1]))
            {
                end--;
            }

            _selection = end > start ? (start, end) : null;
            _targetMeetingKey ??= _draft.Meetings.FirstOrDefault(m => !m.Removed)?.Key;
        }

        await InvokeAsync(StateHasChanged);
    }

    private void ShowTab(int index)
    {
        if (_tab == index)
        {
            return;
        }

        _tab = index;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", index == 1 ? "history" : null), replace: true);
    }

    private async Task LoadSuggestionsAsync()
    {
        if (_draft is null)
        {
            return;
        }

        _merges = await Review.SuggestMergesAsync(_draft);
        _documentLinks = [.. await Review.SuggestDocumentsAsync(_draft)];
    }

    private void Refresh()
    {
        if (_draft is null)
        {
            return;
        }

        var items = _draft.Meetings.Where(m => !m.Removed).SelectMany(m => m.Items).ToList();
        _total = items.Count(i => !i.Removed);
        _verified = items.Count(i => !i.Removed && i.Verified);
        var active = _activeKey is null ? null : _draft.Find(_activeKey);
        _sentence = active is { SpanLength: > 0 } ? Segmenter.SentenceAround(_draft.Text, active.SpanStart, active.SpanLength) : null;
        var marked = items.Where(i => !i.Removed && i.SpanLength > 0)
            .Select(i => new FactSpan(i.SpanStart, i.SpanLength, i.Kind, i.Label, i.Key))
            .Concat(SourceMarker.For(_draft.Text, _draft.Meetings));
        _segments = Segmenter.Split(_draft.Text, marked, sentence: _sentence);
    }

    private void Select(ReviewItem item)
    {
        SelectCore(item);
        if (item.SpanLength > 0)
        {
            _scrollTo = "src-" + item.Key;
        }
    }

    private void SelectCore(ReviewItem item)
    {
        _activeKey = item.Key;
        Refresh();
    }

    private void Header(Action change)
    {
        change();
        _draft!.HeaderChanged = true;
    }

    private void Accept(ReviewItem item)
    {
        item.Accept();
        SelectCore(item);
    }

    private void AcceptAllRemaining()
    {
        var count = _draft!.AcceptAllRemaining();
        Snackbar.Add($"{count} item(s) accepted as they are, recorded as a bulk acceptance. Save or publish to keep it.", Severity.Info);
        Refresh();
    }

    private void Remove(ReviewItem item)
    {
        if (item.IsNew)
        {
            foreach (var meeting in _draft!.Meetings)
            {
                Drop(meeting, item);
            }
        }
        else
        {
            item.Removed = true;
        }

        Refresh();
    }

    private static void Drop(ReviewMeeting meeting, ReviewItem item)
    {
        switch (item)
        {
            case ReviewParticipant p:
                meeting.Participants.Remove(p);
                break;
            case ReviewResolution r:
                meeting.Resolutions.Remove(r);
                break;
            case ReviewDocumentAction d:
                meeting.Documents.Remove(d);
                break;
        }
    }

    private void Undo(ReviewItem item)
    {
        item.Removed = false;
        Refresh();
    }

    private void Edit(ReviewItem item)
    {
        _editingKey = item.Key;
        _editIsNew = false;
        _edit.Load(item);
        SelectCore(item);
    }

    private void EditMeeting(ReviewMeeting meeting)
    {
        _editingKey = meeting.Key;
        _editIsNew = false;
        _edit.Name = meeting.Body;
        _edit.Date = DateText(meeting.Date);
        _edit.Title = meeting.Session;
        _edit.Text = meeting.Location;
    }

    private void AddMeeting(string? body)
    {
        var meeting = new ReviewMeeting { Body = body ?? string.Empty, Verdict = Verdict.Added };
        _draft!.Meetings.Add(meeting);
        _targetMeetingKey = meeting.Key;
        _selection = null;
        EditMeeting(meeting);
        _editIsNew = true;
        ShowTab(0);
    }

    private async Task ApplyMeeting(ReviewMeeting meeting)
    {
        if (string.IsNullOrWhiteSpace(_edit.Name))
        {
            Snackbar.Add("A meeting needs the body that met.", Severity.Warning);
            return;
        }

        if (!string.Equals(meeting.Body, _edit.Name.Trim(), StringComparison.Ordinal))
        {
            meeting.BodyId = null;
        }

        var (body, bodyId, date) = (meeting.Body, meeting.BodyId, meeting.Date);
        meeting.Body = _edit.Name.Trim();
        meeting.Date = ParseDate(_edit.Date);
        meeting.Changed = true;
        if (meeting.MovesSharedMeeting && !await AskScopeAsync(meeting))
        {
            (meeting.Body, meeting.BodyId, meeting.Date) = (body, bodyId, date);
            return;
        }

        meeting.Session = Blank(_edit.Title);
        meeting.Location = Blank(_edit.Text);
        _editingKey = null;
        Refresh();
    }

    // A meeting other reports also describe: the editor says whether the new body or date is a
    // correction for all of them or means this report describes a different meeting.
    private async Task<bool> AskScopeAsync(ReviewMeeting meeting)
    {
        var all = meeting.OtherSources + 1;
        var answer = await Dialogs.ShowMessageBoxAsync(
            "This meeting is shared",
            $"{meeting.OtherSources} other report(s) also describe this meeting. Does only this report describe a different meeting "
                + $"(it moves to the meeting of {meeting.Body} on {DateText(meeting.Date) ?? "an unknown date"}), "
                + $"or is the new body or date a correction for all {all} reports?",
            yesText: "Move only this report",
            noText: $"Change it for all {all} reports",
            cancelText: "Cancel");
        if (answer is null)
        {
            return false;
        }

        meeting.Scope = answer.Value ? MeetingEditScope.ThisReport : MeetingEditScope.AllReports;
        return true;
    }

    private void CancelEdit(ReviewMeeting meeting, ReviewItem? item = null)
    {
        if (_editIsNew)
        {
            if (item is null)
            {
                _draft!.Meetings.Remove(meeting);
            }
            else
            {
                Drop(meeting, item);
            }
        }

        _editingKey = null;
        _editIsNew = false;
        Refresh();
    }

    private void AddFromSelection(FactKind kind)
    {
        if (_selection is not { } sel || _draft is null)
        {
            return;
        }

        var meeting = _draft.Meetings.FirstOrDefault(m => m.Key == _targetMeetingKey && !m.Removed)
            ?? _draft.Meetings.FirstOrDefault(m => !m.Removed);
        if (meeting is null)
        {
            Snackbar.Add("Add the meeting first: select the name of the body that met and choose “Meeting body”.", Severity.Info);
            return;
        }

        AddItem(meeting, kind, sel);
        _selection = null;
    }

    private void AddItem(ReviewMeeting meeting, FactKind kind, (int Start, int End)? span)
    {
        var text = span is { } s ? _draft!.Text[s.Start..s.End] : string.Empty;
        ReviewItem item = kind switch
        {
            FactKind.Person => new ReviewParticipant { Name = text, Role = ParticipationRole.Attendee },
            FactKind.Resolution => new ReviewResolution { Text = text, Verb = "called for" },
            _ => new ReviewDocumentAction { Title = text, Action = DocumentActionKind.Adopted },
        };
        item.Verdict = Verdict.Added;
        item.Confidence = 1;
        if (span is { } range)
        {
            item.SpanStart = range.Start;
            item.SpanLength = range.End - range.Start;
        }

        switch (item)
        {
            case ReviewParticipant p:
                Insert(meeting.Participants, p, (x, i) => x.Position = i, x => x.Position);
                break;
            case ReviewResolution r:
                Insert(meeting.Resolutions, r, (x, i) => x.Position = i, x => x.Position);
                break;
            case ReviewDocumentAction d:
                Insert(meeting.Documents, d, (x, i) => x.Position = i, x => x.Position);
                break;
        }

        _edit.Load(item);
        _editingKey = item.Key;
        _editIsNew = true;
        ShowTab(0);
        SelectCore(item);
        _scrollTo = "row-" + item.Key;
    }

    // In report order: an item taken from the text goes where its span falls, and the items after
    // it move down one place (those are saved too, so the meeting page lists them as written).
    private static void Insert<T>(List<T> list, T item, Action<T, int> setPosition, Func<T, int> position)
        where T : ReviewItem
    {
        var index = item.SpanLength == 0 ? list.Count : list.Count(x => x.SpanLength > 0 && x.SpanStart < item.SpanStart);
        list.Insert(Math.Min(index, list.Count), item);
        for (var i = 0; i < list.Count; i++)
        {
            if (position(list[i]) != i)
            {
                setPosition(list[i], i);
                list[i].Changed |= !list[i].IsNew;
            }
        }
    }

    private async Task ApplyAsync(ReviewMeeting meeting, ReviewItem item)
    {
        switch (item)
        {
            case ReviewParticipant p:
                if (string.IsNullOrWhiteSpace(_edit.Name))
                {
                    Snackbar.Add("A participant needs a name.", Severity.Warning);
                    return;
                }

                var typed = _edit.Name.Trim();
                var person = await Lookup.ResolvePersonAsync(typed);
                p.PersonId = person?.Id;
                p.Name = person?.Name ?? typed;
                p.Role = _edit.Role;
                p.TitleAsWritten = Blank(_edit.Title);
                // "President Xi Jinping" found Xi Jinping: the words in front are the title as written.
                if (person is not null && p.TitleAsWritten is null && typed.Length > person.Name.Length
                    && typed.EndsWith(person.Name, StringComparison.OrdinalIgnoreCase))
                {
                    p.TitleAsWritten = typed[..^person.Name.Length].Trim();
                }

                break;
            case ReviewResolution r:
                if (string.IsNullOrWhiteSpace(_edit.Text))
                {
                    Snackbar.Add("A resolution needs its text.", Severity.Warning);
                    return;
                }

                r.Text = _edit.Text.Trim();
                r.Verb = _edit.Title?.Trim() ?? string.Empty;
                break;
            case ReviewDocumentAction d:
                if (string.IsNullOrWhiteSpace(_edit.Name))
                {
                    Snackbar.Add("A document needs a title.", Severity.Warning);
                    return;
                }

                if (!string.Equals(d.Title, _edit.Name.Trim(), StringComparison.Ordinal))
                {
                    d.DocumentId = null;
                }

                d.Title = _edit.Name.Trim();
                d.Action = _edit.Action;
                d.DocumentKind = Blank(_edit.Title);
                break;
        }

        if (!item.IsNew)
        {
            item.MarkEdited();
        }

        _editingKey = null;
        _editIsNew = false;
        Refresh();
    }

    private void LinkDocument(ReviewDocumentAction item, DocumentSuggestion suggestion)
    {
        item.DocumentId = suggestion.DocumentId;
        item.Title = suggestion.Title;
        if (!item.IsNew)
        {
            item.MarkEdited();
        }

        _documentLinks.RemoveAll(s => s.ItemKey == item.Key);
        Snackbar.Add($"Linked to “{suggestion.Title}”. Save to keep it.", Severity.Info);
        Refresh();
    }

    private async Task<bool> SaveAsync(bool publish)
    {
        await Access.RequireAsync(Policies.CanEdit);
        if (_draft is null || _busy)
        {
            return false;
        }

        if (_editingKey is not null)
        {
            Snackbar.Add("Apply or cancel the item you are editing first.", Severity.Warning);
            return false;
        }

        _busy = true;
        try
        {
            var result = await Review.SaveAsync(_draft, publish);
            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    Snackbar.Add(result.Message, Severity.Success);
                    await ReloadAsync();
                    return true;
                case SaveOutcome.Conflict:
                    _conflicts = result.Conflicts;
                    _conflictMessage = result.Message;
                    _pendingPublish = publish;
                    _conflictOpen = true;
                    return false;
                default:
                    Snackbar.Add(result.Message, Severity.Error);
                    return false;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task KeepMineAsync()
    {
        await Access.RequireAsync(Policies.CanEdit);
        ReviewService.KeepMine(_draft!, await Review.LoadAsync(Id), _conflicts);
        _conflictOpen = false;
        await SaveAsync(_pendingPublish);
    }

    private async Task TakeTheirsAsync()
    {
        await Access.RequireAsync(Policies.CanEdit);
        var fresh = await Review.LoadAsync(Id);
        if (fresh is not null)
        {
            ReviewService.TakeTheirs(_draft!, fresh, _conflicts);
            Snackbar.Add($"Their version is shown for {_conflicts.Count} record(s); your other changes are kept, not yet saved.", Severity.Info);
        }

        _conflictOpen = false;
        Refresh();
    }

    private async Task ReloadAsync()
    {
        _draft = await Review.LoadAsync(Id);
        _editingKey = null;
        _selection = null;
        Refresh();
        await LoadSuggestionsAsync();
    }

    private async Task MergeAsync(ReviewMeeting meeting, MergeSuggestion suggestion)
    {
        await Access.RequireAsync(Policies.CanEdit);
        if (_draft!.HasChanges && !await SaveAsync(false))
        {
            return;
        }

        var from = _draft.Meetings.FirstOrDefault(m => m.Key == meeting.Key)?.MeetingId ?? meeting.MeetingId;
        if (from is null)
        {
            return;
        }

        var result = await Review.MergeMeetingAsync(Id, from.Value, suggestion.IntoMeetingId);
        Snackbar.Add(result.Message, result.Outcome == SaveOutcome.Saved ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private async Task ReextractAsync()
    {
        await Access.RequireAsync(Policies.CanEdit);
        if (_draft!.HasChanges)
        {
            Snackbar.Add("Save or discard your changes before re-running extraction.", Severity.Warning);
            return;
        }

        _busy = true;
        try
        {
            var result = await Importer.ReextractAsync(Id);
            Snackbar.Add(result.Succeeded
                ? $"Extraction re-run: {result.Participations} participant(s), {result.Resolutions} resolution(s), {result.DocumentActions} document(s) found; verified items kept."
                : result.Message ?? "Extraction failed.", result.Succeeded ? Severity.Success : Severity.Error);
            await ReloadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SetStatusAsync(ReportStatus status)
    {
        await Access.RequireAsync(Policies.CanEdit);
        if (_draft!.HasChanges && !await SaveAsync(false))
        {
            return;
        }

        var result = await Review.SetStatusAsync(Id, _draft.Version, status);
        Snackbar.Add(result.Message, result.Outcome == SaveOutcome.Saved ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }

    private async Task<IEnumerable<string>> SearchPeopleAsync(string? text, CancellationToken ct)
    {
        var options = await Lookup.SearchPeopleAsync(text, ct);
        foreach (var o in options)
        {
            _personDetails[o.Name] = o.Detail;
        }

        return options.Select(o => o.Name).Distinct();
    }

    private async Task<IEnumerable<string>> SearchBodiesAsync(string? text, CancellationToken ct) =>
        (await Lookup.SearchBodiesAsync(text, ct)).Select(o => o.Name).Distinct();

    private async Task<IEnumerable<string>> SearchDocumentsAsync(string? text, CancellationToken ct) =>
        (await Lookup.SearchDocumentsAsync(text, ct)).Select(o => o.Name).Distinct();

    private static string VerdictTitle(ReviewItem item)
    {
        var what = item.Verdict switch
        {
            Verdict.Edited => "Corrected",
            Verdict.Added => "Added by an editor",
            _ when item.InBulk => "Accepted with “accept all remaining”",
            _ => "Accepted",
        };
        var by = item.VerdictBy is null ? "" : " by " + item.VerdictBy;
        var others = item.OtherReports > 0 ? $" · also in {item.OtherReports} other report(s)" : "";
        return what + by + others;
    }

    private string RowClass(ReviewItem item)
    {
        var css = item.Key == _activeKey ? "selected" : string.Empty;
        if (item.Removed)
        {
            css += " removed";
        }
        else if (item.HasChanges)
        {
            css += " changed";
        }

        return css;
    }

    private string Mine(string key)
    {
        if (_draft is null)
        {
            return string.Empty;
        }

        if (key == "report")
        {
            return $"“{_draft.Headline}”, {_draft.Outlet}, {DateText(_draft.Published)}";
        }

        if (_draft.Meetings.FirstOrDefault(m => m.Key == key) is { } meeting)
        {
            return meeting.Removed ? "removed" : $"{meeting.Body} {DateText(meeting.Date)}";
        }

        return _draft.Find(key) switch
        {
            null => "—",
            { Removed: true } => "removed",
            ReviewParticipant p => $"{p.Name}, {p.Role.ToString().ToLowerInvariant()}{(p.TitleAsWritten is null ? "" : ", " + p.TitleAsWritten)}",
            ReviewResolution r => $"{r.Verb} {ShortText(r.Text)}",
            ReviewDocumentAction d => $"{d.Action.ToString().ToLowerInvariant()} {ShortText(d.Title)}",
            _ => "—",
        };
    }

    private string MarkClass(TextSegment s) =>
        "fact " + Segmenter.CssClass(s.Fact?.Kind ?? FactKind.Person) + (s.Fact?.Key == _activeKey ? " active" : null) + (s.InSentence ? " in-sentence" : null);

    private string ReviewText(int start, int end) => ShortText(_draft!.Text[start..end]);

    private static string ShortText(string text) => text.Length <= 80 ? text : text[..77] + "…";

    private static MarkupString Icon(string svg) =>
        new($"<svg viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\" fill=\"currentColor\">{svg}</svg>");

    private static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // What the open editor holds; copied into the item on Apply, dropped on Cancel.
    private sealed class EditBuffer
    {
        public string? Name { get; set; }

        public string? Title { get; set; }

        public string? Text { get; set; }

        public string? Date { get; set; }

        public ParticipationRole Role { get; set; }

        public DocumentActionKind Action { get; set; }

        public void Load(ReviewItem item)
        {
            (Name, Title, Text, Date) = (null, null, null, null);
            switch (item)
            {
                case ReviewParticipant p:
                    (Name, Role, Title) = (p.Name, p.Role, p.TitleAsWritten);
                    break;
                case ReviewResolution r:
                    (Text, Title) = (r.Text, r.Verb);
                    break;
                case ReviewDocumentAction d:
                    (Name, Action, Title) = (d.Title, d.Action, d.DocumentKind);
                    break;
            }
        }
    }
}

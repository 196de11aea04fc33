using Microsoft.AspNetCore.Components;
using MudBlazor;
using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Data.Entities;
using PolicyTracker.Web.Components.Shared;
using PolicyTracker.Web.Hosting.Security;

namespace PolicyTracker.Web.Features.Editing;

// The coordinator: holds the draft and what is selected or open, and runs the operations that
// reach the database. The draft's own methods do the editing; the child components show it.
public sealed partial class ReviewPage
{
    private ReviewDraft? _draft;
    private SourcePane? _source;
    private IReadOnlyList<MergeSuggestion> _merges = [];
    private List<DocumentSuggestion> _documentLinks = [];
    private IReadOnlyList<ReviewConflict> _conflicts = [];
    private bool _loading = true;
    private bool _busy;
    private bool _suggested;
    private bool _conflictOpen;
    private bool _pendingPublish;
    private bool _editIsNew;
    private string? _conflictMessage;
    private string? _activeKey;
    private string? _editingKey;
    private string? _scrollTo;
    private string? _targetMeetingKey;
    private int _tab;
    private string? _publishedText;
    private string? _publishedProblem;

    [Parameter]
    public Guid Id { get; set; }

    // The selected tab lives in the URL (?tab=history), so a link or Back brings the same view.
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    private Color StatusColor => _draft?.Status switch
    {
        ReportStatus.Published => Color.Success,
        ReportStatus.Archived => Color.Default,
        _ => Color.Warning,
    };

    protected override async Task OnParametersSetAsync()
    {
        _tab = string.Equals(Tab, "history", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        if (_draft is not null && _draft.ReportId == Id)
        {
            // Only the query changed: keep the editor's unsaved work.
            return;
        }

        _loading = true;
        _suggested = false;
        _draft = await Loader.LoadAsync(Id);
        if (_draft is null)
        {
            Navigation.NotFound();
        }
        _loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_draft is null || _loading)
        {
            return;
        }

        if (!_suggested)
        {
            _suggested = true;
            await LoadSuggestionsAsync();
            StateHasChanged();
        }

        await KeepInBrowserAsync();
        if (_scrollTo is { } target && _source is not null && await _source.ScrollToAsync(target))
        {
            _scrollTo = null;
        }
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

        if (Gone)
        {
            return;
        }

        _merges = await Merger.SuggestMergesAsync(_draft);
        _documentLinks = [.. await Linker.SuggestDocumentsAsync(_draft)];
    }

    // A click on a highlighted fact: its row, or its meeting, comes into view.
    private void SourceClicked(string key)
    {
        if (_draft?.Find(key) is { } item)
        {
            ShowTab(0);
            _activeKey = item.Key;
            _scrollTo = "row-" + key;
        }
        else if (_draft?.FindMeeting(key) is { } meeting)
        {
            ShowTab(0);
            _scrollTo = meeting.Key;
        }
    }

    // A click on a row: its source comes into view.
    private void Select(ReviewItem item)
    {
        _activeKey = item.Key;
        if (item.SpanLength > 0)
        {
            _source?.Reveal(item);
            _scrollTo = "src-" + item.Key;
        }
    }

    private void Changed(ReviewItem? selected)
    {
        if (selected is not null)
        {
            _activeKey = selected.Key;
        }
    }

    private void AcceptAllRemaining()
    {
        var count = _draft!.AcceptAllRemaining();
        Snackbar.Add($"{count} item(s) accepted as they are, recorded as a bulk acceptance. Save or publish to keep it.", Severity.Info);
    }

    private void OpenEditor(string key)
    {
        _editingKey = key;
        _editIsNew = false;
        if (_draft?.Find(key) is { } item)
        {
            _activeKey = item.Key;
        }
    }

    // Cancelling what was just added drops it; anything else keeps what the editor applied.
    private void CloseEditor(bool applied)
    {
        if (!applied && _editIsNew && _editingKey is not null)
        {
            _draft!.Discard(_editingKey);
        }

        _editingKey = null;
        _editIsNew = false;
    }

    private void AddMeeting(string? body)
    {
        var meeting = _draft!.AddMeeting(body);
        _targetMeetingKey = meeting.Key;
        _source?.ClearSelection();
        OpenEditor(meeting.Key);
        _editIsNew = true;
        ShowTab(0);
    }

    private void AddFromSelection((FactKind Kind, int Start, int End) selection)
    {
        if (_draft!.TargetMeeting(_targetMeetingKey) is not { } meeting)
        {
            Snackbar.Add("Add the meeting first: select the name of the body that met and choose “Meeting body”.", Severity.Info);
            return;
        }

        AddItem(meeting, selection.Kind, (selection.Start, selection.End));
        _source?.ClearSelection();
    }

    private void AddItem(ReviewMeeting meeting, FactKind kind, (int Start, int End)? span)
    {
        var item = _draft!.AddItem(meeting, kind, span);
        OpenEditor(item.Key);
        _editIsNew = true;
        ShowTab(0);
        _scrollTo = "row-" + item.Key;
    }

    private void Linked(DocumentSuggestion suggestion)
    {
        _documentLinks.RemoveAll(s => s.ItemKey == suggestion.ItemKey);
        Snackbar.Add($"Linked to “{suggestion.Title}”. Save to keep it.", Severity.Info);
    }

    // The publication date from its field: kept as typed, and refused (with a message, nothing saved)
    // outside 1900 to tomorrow, as everywhere else a date is entered.
    private void PublishedChanged(string? value)
    {
        _publishedText = value;
        _publishedProblem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            _publishedText = null;
            _draft!.EditHeader(d => d.Published = null);
            return;
        }

        if (ReviewText.ParseDate(value) is not { } date)
        {
            _publishedProblem = "Not a date: write it as yyyy-mm-dd.";
            return;
        }

        var bounds = new QueryInput(Time);
        if (bounds.CheckDate("publication", date) is null)
        {
            _publishedProblem = $"The publication date must be from {QueryInput.MinDate:yyyy-MM-dd} to {bounds.MaxDate:yyyy-MM-dd}.";
            return;
        }

        _publishedText = null;
        _draft!.EditHeader(d => d.Published = date);
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

        if (_publishedProblem is not null)
        {
            Snackbar.Add($"Nothing was saved: {_publishedProblem}", Severity.Warning);
            return false;
        }

        _busy = true;
        try
        {
            // Not cancelled when the page closes: "save and close" means the save completes.
            var result = await Saver.SaveAsync(_draft, publish);
            if (Gone)
            {
                Logger.LogInformation("Report {ReportId} {Outcome} after its review page had closed", _draft.ReportId, result.Outcome);
                return false;
            }

            switch (result.Outcome)
            {
                case SaveOutcome.Saved:
                    await ForgetKeptAsync();
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
        _draft!.KeepMine(await Loader.LoadAsync(Id), _conflicts);
        _conflictOpen = false;
        await SaveAsync(_pendingPublish);
    }

    private async Task TakeTheirsAsync()
    {
        await Access.RequireAsync(Policies.CanEdit);
        var fresh = await Loader.LoadAsync(Id);
        if (fresh is not null)
        {
            _draft!.TakeTheirs(fresh, _conflicts);
            Snackbar.Add($"Their version is shown for {_conflicts.Count} record(s); your other changes are kept, not yet saved.", Severity.Info);
        }

        _conflictOpen = false;
    }

    private async Task ReloadAsync()
    {
        if (Gone)
        {
            return;
        }

        _draft = await Loader.LoadAsync(Id);
        (_publishedText, _publishedProblem) = (null, null);
        _editingKey = null;
        _source?.ClearSelection();
        await LoadSuggestionsAsync();
    }

    private async Task MergeAsync(MergeSuggestion suggestion)
    {
        await Access.RequireAsync(Policies.CanEdit);
        var meeting = _draft!.FindMeeting(suggestion.MeetingKey);
        if (_draft.HasChanges && !await SaveAsync(false))
        {
            return;
        }

        var from = _draft.FindMeeting(suggestion.MeetingKey)?.MeetingId ?? meeting?.MeetingId;
        if (from is null)
        {
            return;
        }

        var result = await Merger.MergeMeetingAsync(Id, from.Value, suggestion.IntoMeetingId);
        if (Gone)
        {
            return;
        }

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
            if (Gone)
            {
                return;
            }

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

        var result = await StatusChanger.SetStatusAsync(Id, _draft.Version, status);
        if (Gone)
        {
            return;
        }

        Snackbar.Add(result.Message, result.Outcome == SaveOutcome.Saved ? Severity.Success : Severity.Warning);
        await ReloadAsync();
    }
}

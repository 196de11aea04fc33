using System.Globalization;
using Microsoft.JSInterop;
using PolicyTracker.Data.Editing;

namespace PolicyTracker.Web.Features.Editing;

// The browser's copy of the unsaved changes (ReviewDraftCopy): written after every change, read
// back when the page opens (a reload, a lost circuit, a restarted server), forgotten once a save
// is confirmed or the editor discards it.
public sealed partial class ReviewPage : IAsyncDisposable
{
    // 18 KB of bytes is 24 KB of base64: one chunk and its message stay under the 32 KB cap.
    private const int ChunkBytes = 18 * 1024;

    private IJSObjectReference? _module;
    private string? _keptJson;
    private string? _restoredAt;
    private int _notRestored;
    private bool _keepFailed;
    private Guid? _restoreCheckedFor;
    private IDisposable? _connectionRestored;

    // A copy sent as the socket dropped is lost with it; a browser that does not answer in this
    // time is treated as away, and the copy goes again when the connection is back.
    private static readonly TimeSpan KeepTimeout = TimeSpan.FromSeconds(10);

    // Cancelled when the page goes (tab closed, circuit ended): work that finishes later, such as a
    // save the editor started before closing, must not touch the page, the browser or the circuit's services.
    private readonly CancellationTokenSource _gone = new();

    private bool Gone => _gone.IsCancellationRequested;

    // After the first interactive render: put back what this browser kept, then keep every change.
    private async Task KeepInBrowserAsync()
    {
        if (_draft is null || Gone)
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Editing/ReviewPage.razor.js");
            _connectionRestored ??= Connection.OnRestored(() => _ = InvokeAsync(KeepAgainAsync));
            if (_restoreCheckedFor != _draft.ReportId)
            {
                // Once per report the page opens (a link may lead from one review to another).
                (_restoreCheckedFor, _keptJson, _restoredAt, _notRestored) = (_draft.ReportId, null, null, 0);
                if (await RestoreAsync())
                {
                    StateHasChanged();
                    return;
                }
            }

            var json = ReviewDraftCopy.Of(_draft)?.ToJson();
            if (json == _keptJson)
            {
                return;
            }

            var kept = await _module.InvokeAsync<bool>("keep", KeepTimeout, _draft.ReportId, json);
            _keptJson = json;
            if (kept == _keepFailed)
            {
                _keepFailed = !kept;
                StateHasChanged();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; the copy written before is what the next page restores.
        }
        catch (TaskCanceledException)
        {
            // The browser did not answer in time (connection down): the next render tries again.
        }
    }

    // The connection is back: whatever the browser may have missed goes again (the same copy
    // written twice is harmless; a copy never sent would be lost by a reload).
    private async Task KeepAgainAsync()
    {
        if (Gone || _module is null)
        {
            return;
        }

        _keptJson = null;
        try
        {
            await KeepInBrowserAsync();
        }
        catch (JSException exception)
        {
            Logger.LogWarning(exception, "The browser's copy of unsaved changes to report {ReportId} could not be written again after a reconnection", _draft?.ReportId);
        }
    }

    private async Task<bool> RestoreAsync()
    {
        var module = _module!;
        var stored = await module.InvokeAsync<StoredCopy?>("beginRead", _draft!.ReportId);
        if (stored is null)
        {
            return false;
        }

        string json;
        try
        {
            var bytes = new byte[Math.Min(stored.Length, 4 * 1024 * 1024)];
            for (var offset = 0; offset < bytes.Length; offset += ChunkBytes)
            {
                var chunk = await module.InvokeAsync<string>("readChunk", _draft.ReportId, offset, ChunkBytes);
                if (!Convert.TryFromBase64String(chunk ?? "", bytes.AsSpan(offset), out var written) || written != Math.Min(ChunkBytes, bytes.Length - offset))
                {
                    Logger.LogWarning("The browser's copy of unsaved changes to report {ReportId} could not be read at {Offset} of {Length} bytes", _draft.ReportId, offset, stored.Length);
                    return false;
                }
            }

            json = System.Text.Encoding.UTF8.GetString(bytes);
        }
        finally
        {
            await module.InvokeVoidAsync("endRead", _draft.ReportId);
        }

        if (ReviewDraftCopy.FromJson(json) is not { } copy || copy.ReportId != _draft.ReportId)
        {
            Logger.LogWarning("The browser's copy of unsaved changes to report {ReportId} is not one this app wrote; it was left alone", _draft.ReportId);
            return false;
        }

        if (copy.IsSavedIn(_draft))
        {
            // Saved by a page that closed before it could say so.
            await module.InvokeVoidAsync("forget", _draft.ReportId);
            return false;
        }

        _notRestored = copy.ApplyTo(_draft);
        _keptJson = json;
        _restoredAt = DateTimeOffset.TryParse(stored.SavedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
            : "earlier";
        Logger.LogInformation("Restored {Changes} unsaved change(s) to report {ReportId} from the browser ({Missing} no longer applicable)",
            _draft.Unsaved, _draft.ReportId, _notRestored);
        return true;
    }

    // Once the server has the changes, the browser may forget them.
    private async Task ForgetKeptAsync()
    {
        _restoredAt = null;
        _notRestored = 0;
        _keptJson = null;
        if (_module is null || _draft is null || Gone)
        {
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("forget", _draft.ReportId);
        }
        catch (JSDisconnectedException)
        {
            // The next page finds a copy of changes already saved; their versions make its save a conflict, never a silent overwrite.
        }
    }

    private async Task DiscardKeptAsync()
    {
        await ForgetKeptAsync();
        _draft = await Loader.LoadAsync(Id);
        (_publishedText, _publishedProblem, _editingKey) = (null, null, null);
        _source?.ClearSelection();
    }

    public async ValueTask DisposeAsync()
    {
        _connectionRestored?.Dispose();
        await _gone.CancelAsync();
        _gone.Dispose();
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone with the page: nothing to release in the browser.
            }
        }
    }

    private sealed record StoredCopy(string? SavedAt, int Length);
}

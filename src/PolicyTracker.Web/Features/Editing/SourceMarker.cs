using System.Globalization;
using PolicyTracker.Data;
using PolicyTracker.Data.Editing;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Features.Editing;

// Highlights that are not items of their own: where the text names a meeting's body and date,
// keyed by the meeting. The database keeps no span for these, so they are found again on each render.
public static class SourceMarker
{
    public static IEnumerable<FactSpan> For(string text, IEnumerable<ReviewMeeting> meetings)
    {
        foreach (var meeting in meetings.Where(m => !m.Removed))
        {
            if (Find(text, [meeting.Body]) is { } body)
            {
                yield return new FactSpan(body.Start, body.Length, FactKind.Body, meeting.Body, meeting.Key);
            }

            if (meeting.Date is { } date && Find(text, DateForms(date)) is { } written)
            {
                yield return new FactSpan(written.Start, written.Length, FactKind.Date, meeting.Body, meeting.Key);
            }
        }
    }

    private static IEnumerable<string> DateForms(DateOnly date)
    {
        var c = CultureInfo.InvariantCulture;
        yield return date.ToString("yyyy-MM-dd", c);
        yield return date.ToString("MMMM d, yyyy", c);
        yield return date.ToString("d MMMM yyyy", c);
        yield return date.ToString("MMMM d", c);
        yield return date.ToString("MMM. d", c);
        yield return date.ToString("d MMMM", c);
    }

    private static (int Start, int Length)? Find(string text, IEnumerable<string> forms)
    {
        (int Start, int Length)? best = null;
        foreach (var form in forms.Where(f => f.Length > 2))
        {
            var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (best is null || at < best.Value.Start))
            {
                best = (at, form.Length);
            }
        }

        return best;
    }
}

using System.Globalization;
using PolicyTracker.Data.Editing;

namespace PolicyTracker.Web.Features.Editing;

// A highlight that is not an item of its own: where the text names a meeting's body and date.
// The database keeps no span for these, so they are found again in the text on each render.
public sealed class SourceMarker(string key, FactKind kind, string label) : ReviewItem
{
    public override string Key { get; } = key;

    public override FactKind Kind => kind;

    public override string Label => label;

    public static IEnumerable<SourceMarker> For(string text, IEnumerable<ReviewMeeting> meetings)
    {
        foreach (var meeting in meetings.Where(m => !m.Removed))
        {
            if (Find(text, [meeting.Body]) is { } body)
            {
                yield return new SourceMarker(meeting.Key, FactKind.Body, meeting.Body) { SpanStart = body.Start, SpanLength = body.Length };
            }

            if (meeting.Date is { } date && Find(text, DateForms(date)) is { } written)
            {
                yield return new SourceMarker(meeting.Key, FactKind.Date, meeting.Body) { SpanStart = written.Start, SpanLength = written.Length };
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

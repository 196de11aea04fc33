using System.Globalization;
using PolicyTracker.Web.Components.Shared;

namespace PolicyTracker.Web.Features.Summary;

public enum PeriodKind
{
    Week,
    Month,
    Quarter,
    Year,
    Custom,
    All,
}

/// <summary>How finely a chart over a period is cut: one bar per day, week (Monday first) or month.</summary>
public enum BucketUnit
{
    Day,
    Week,
    Month,
}

/// <summary>The stretch of time the summary covers, both ends inclusive, and the one just before it that
/// the figures are compared with. Weeks start on Monday; quarters are calendar quarters. A custom period
/// is compared with the same number of days just before it; "all" has no earlier period.</summary>
public sealed record SummaryPeriod(PeriodKind Kind, DateOnly? Start, DateOnly? End)
{
    public static readonly SummaryPeriod AllTime = new(PeriodKind.All, null, null);

    public static SummaryPeriod Of(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Week => Span(kind, day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), 7),
        PeriodKind.Month => new(kind, new DateOnly(day.Year, day.Month, 1), new DateOnly(day.Year, day.Month, 1).AddMonths(1).AddDays(-1)),
        PeriodKind.Quarter => Quarter(day),
        PeriodKind.Year => new(kind, new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only calendar periods are built from one day."),
    };

    public static SummaryPeriod Custom(DateOnly from, DateOnly to) => new(PeriodKind.Custom, from, to);

    public int Days => Start is { } s && End is { } e ? e.DayNumber - s.DayNumber + 1 : 0;

    /// <summary>The period of the same kind just before this one; null for "all".</summary>
    public SummaryPeriod? Previous => Kind switch
    {
        PeriodKind.All => null,
        PeriodKind.Custom => Span(PeriodKind.Custom, Start!.Value.AddDays(-Days), Days),
        _ => Of(Kind, Start!.Value.AddDays(-1)),
    };

    /// <summary>The period of the same kind just after this one; null for "all".</summary>
    public SummaryPeriod? Next => Kind switch
    {
        PeriodKind.All => null,
        PeriodKind.Custom => Span(PeriodKind.Custom, End!.Value.AddDays(1), Days),
        _ => Of(Kind, End!.Value.AddDays(1)),
    };

    /// <summary>Days for up to five weeks, weeks for up to about four months, months beyond.</summary>
    public BucketUnit Unit => Kind == PeriodKind.All || Days > 124 ? BucketUnit.Month : Days > 35 ? BucketUnit.Week : BucketUnit.Day;

    public string Label => Kind switch
    {
        PeriodKind.All => "All time",
        PeriodKind.Week => $"Week of {Format.Date(Start)}",
        PeriodKind.Month => Start!.Value.ToString("MMMM yyyy", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"Q{((Start!.Value.Month - 1) / 3) + 1} {Start.Value.Year}",
        PeriodKind.Year => Start!.Value.Year.ToString(CultureInfo.InvariantCulture),
        _ => $"{Iso(Start)} to {Iso(End)}",
    };

    /// <summary>The summary's address for this period: <c>period=quarter&amp;at=2024-04-01</c>, or from/to for a custom one.</summary>
    public string Query => Kind switch
    {
        PeriodKind.All => "period=all",
        PeriodKind.Custom => $"period=custom&from={Iso(Start)}&to={Iso(End)}",
        _ => $"period={Kind.ToString().ToLowerInvariant()}&at={Iso(Start)}",
    };

    /// <summary>The from/to filter of the meeting and document lists for this period (empty for "all").</summary>
    public string ListRange => Start is null ? "" : $"from={Iso(Start)}&to={Iso(End)}";

    /// <summary>Reads the summary's address. <paramref name="latest"/> (the newest dated meeting, or today) picks the
    /// default: the quarter it falls in. Unusable values are reported in <paramref name="input"/> and replaced.</summary>
    public static SummaryPeriod Parse(QueryInput input, string? period, string? at, string? from, string? to, DateOnly latest)
    {
        var kindText = input.Text("period", period, 20);
        PeriodKind? kind = null;
        if (kindText is not null)
        {
            if (Enum.TryParse<PeriodKind>(kindText, ignoreCase: true, out var k) && Enum.IsDefined(k))
            {
                kind = k;
            }
            else
            {
                input.Add($"The period \"{kindText}\" is not week, month, quarter, year, custom or all; the quarter is shown.");
            }
        }

        // An old address with only from/to is a custom period.
        kind ??= from is not null || to is not null ? PeriodKind.Custom : PeriodKind.Quarter;
        switch (kind)
        {
            case PeriodKind.All:
                return AllTime;
            case PeriodKind.Custom:
                var (f, t) = input.SummaryRange(from, to);
                if (f is null && t is null)
                {
                    input.Add("A custom period needs a from or a to date; the quarter is shown.");
                    return Of(PeriodKind.Quarter, latest);
                }
                var end = t ?? input.Today;
                var start = f ?? end.AddMonths(-12).AddDays(1);
                return start > end ? Custom(end, start) : Custom(start, end);
            default:
                return Of(kind.Value, input.Date("at", at) ?? latest);
        }
    }

    private static SummaryPeriod Quarter(DateOnly day)
    {
        var start = new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1);
        return new(PeriodKind.Quarter, start, start.AddMonths(3).AddDays(-1));
    }

    private static SummaryPeriod Span(PeriodKind kind, DateOnly start, int days) => new(kind, start, start.AddDays(days - 1));

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

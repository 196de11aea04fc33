using System.Globalization;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>Whole UTC days, both ends inclusive; an open end reaches as far as the archive does. In an address it is
/// <c>2024-01-01..2024-03-31</c>, <c>2024-01-05</c> for one day, or <c>any</c> (read by <see cref="QueryInput.Days"/>).</summary>
public sealed record DayRange(DateOnly? From, DateOnly? To)
{
    public static readonly DayRange Any = new(null, null);

    private static readonly DateTimeOffset Ever = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Never = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The instants the days cover: from the first one's midnight up to, not including, the midnight after the last.</summary>
    public (DateTimeOffset From, DateTimeOffset Until) Instants =>
        (From is { } f ? Midnight(f) : Ever, To is { } t ? Midnight(t.AddDays(1)) : Never);

    public string Query => (From, To) switch
    {
        (null, null) => "any",
        ({ } f, { } t) when f == t => Iso(f),
        _ => $"{Iso(From)}..{Iso(To)}",
    };

    public string Label => (From, To) switch
    {
        (null, null) => "any time",
        ({ } f, { } t) when f == t => Format.Date(f),
        (null, { } t) => $"until {Format.Date(t)}",
        ({ } f, null) => $"from {Format.Date(f)}",
        ({ } f, { } t) => $"{Format.Date(f)} to {Format.Date(t)}",
    };

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}

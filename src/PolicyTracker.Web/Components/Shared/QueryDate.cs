using System.Globalization;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>A date in a query string or form field: yyyy-MM-dd, anything else is no date.</summary>
public static class QueryDate
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

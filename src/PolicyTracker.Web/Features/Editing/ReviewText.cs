using System.Globalization;
using Microsoft.AspNetCore.Components;

namespace PolicyTracker.Web.Features.Editing;

// How the review page's pieces write dates, short quotes and icons.
internal static class ReviewText
{
    public static string? DateText(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

    public static MarkupString Icon(string svg) =>
        new($"<svg viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\" fill=\"currentColor\">{svg}</svg>");
}

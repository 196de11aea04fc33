using PolicyTracker.Data.Editing;

namespace PolicyTracker.Web.Components.Shared;

/// <summary>The input attributes of a field with a length limit, in place of maxlength (which cuts
/// a paste silently): the browser refuses a paste far over the limit with a note (app.js), takes
/// anything up to that whole, and the field's counter and message say how much to shorten.</summary>
public static class LimitedField
{
    public static Dictionary<string, object?> Attributes(string testId, int limit) => new()
    {
        ["data-testid"] = testId,
        ["data-limit"] = limit,
        ["data-paste-cap"] = FieldLimits.PasteCap(limit),
    };
}

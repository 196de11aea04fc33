namespace PolicyTracker.Web.Components.Layout;

/// <summary>The light or dark choice, kept in a cookie the browser sends with every page (app.js writes it).</summary>
public static class ThemeCookie
{
    public const string Name = "pt-theme";

    public const string Dark = "dark";

    public const string Light = "light";

    /// <summary>"dark" or "light"; anything else (absent, tampered) is no choice.</summary>
    public static string? Normalize(string? value) => value switch
    {
        Dark => Dark,
        Light => Light,
        _ => null,
    };
}

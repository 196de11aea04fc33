using MudBlazor;

namespace PolicyTracker.Web.Components.Layout;

/// <summary>Dense, calm colours; one colour per kind of fact is defined in app.css.</summary>
public static class PolicyTrackerTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79",
            Secondary = "#5b6b7a",
            AppbarBackground = "#1f4e79",
            Background = "#f7f8fa",
            DrawerBackground = "#ffffff",
            TableLines = "#e3e6ea",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2e5",
            Secondary = "#9fb0c0",
            AppbarBackground = "#15202b",
            Background = "#10161d",
            Surface = "#18212b",
            DrawerBackground = "#141c25",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
                FontSize = "0.875rem",
                LineHeight = "1.43",
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "200px", AppbarHeight = "52px" },
    };
}

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
            // Darker than MudBlazor's defaults, so outlined chips and text in these colours keep 4.5:1 on white.
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a85200",
            Error = "#c62828",
            TextSecondary = "rgba(0,0,0,0.62)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb2e5",
            Secondary = "#9fb0c0",
            AppbarBackground = "#15202b",
            Background = "#10161d",
            Surface = "#18212b",
            DrawerBackground = "#141c25",
            // Lighter than the defaults, for 4.5:1 on the dark surfaces.
            Info = "#8ab4f8",
            Success = "#8fd694",
            Warning = "#ffb870",
            Error = "#ff8a80",
            TextPrimary = "rgba(255,255,255,0.87)",
            // Dark text on the light primary (buttons, the selected filter), and quiet stripes that keep links readable.
            PrimaryContrastText = "#0b1a2a",
            InfoContrastText = "#0b1a2a",
            SuccessContrastText = "#0b2a0e",
            WarningContrastText = "#2a1600",
            ErrorContrastText = "#2a0b0b",
            TableStriped = "rgba(255,255,255,0.035)",
            TableHover = "rgba(255,255,255,0.07)",
            TextSecondary = "rgba(255,255,255,0.70)",
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

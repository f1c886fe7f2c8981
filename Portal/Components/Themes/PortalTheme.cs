using MudBlazor;

namespace NutPortal.Web.Components.Themes;

/// <summary>NutPortal's one theme, in a light and a dark palette: a console look (dense, quiet surfaces, grey secondary, amber brand mark).</summary>
public static class PortalTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565c0",
            Secondary = "#5b6472",
            Tertiary = "#00897b",
            AppbarBackground = "#ffffff",
            AppbarText = "#1f2937",
            DrawerBackground = "#111827",
            DrawerText = "#e5e7eb",
            DrawerIcon = "#9ca3af",
            Background = "#f5f6f8",
            Surface = "#ffffff",
            TextPrimary = "#1f2937",
            TextSecondary = "#5b6472",
            LinesDefault = "#e2e5ea",
            TableLines = "#e2e5ea",
            // Dark enough for 4.5:1 as text on white and on the tinted chip background (axe's color-contrast).
            Success = "#1b5e20",
            Warning = "#8a5300",
            Error = "#b71c1c",
            Info = "#01579b",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
            PrimaryContrastText = "#0d1117", // white on the light blue is 2.2:1
            Secondary = "#9da7b3",
            Tertiary = "#4db6ac",
            AppbarBackground = "#161b22",
            AppbarText = "#e6edf3",
            DrawerBackground = "#0d1117",
            DrawerText = "#c9d1d9",
            DrawerIcon = "#8b949e",
            Background = "#0d1117",
            Surface = "#161b22",
            TextPrimary = "#e6edf3",
            TextSecondary = "#9da7b3",
            LinesDefault = "#30363d",
            TableLines = "#30363d",
            Success = "#66bb6a",
            Warning = "#ffb74d",
            Error = "#ef5350",
            Info = "#4fc3f7",
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
            DrawerWidthLeft = "240px",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}

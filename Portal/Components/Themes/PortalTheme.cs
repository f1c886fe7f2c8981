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
            Success = "#2e7d32",
            Warning = "#b26a00",
            Error = "#c62828",
            Info = "#0277bd",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#64b5f6",
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

using MudBlazor;

namespace Christmas.Admin.Components.Layout;

/// <summary>The console's colours: a festive deep green and red, calm enough for daily work.</summary>
public static class ConsoleTheme
{
    public static readonly MudTheme Value = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b5e20",
            Secondary = "#b71c1c",
            AppbarBackground = "#1b5e20",
            Background = "#f6f7f5",
            DrawerBackground = "#ffffff",
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "230px" },
    };
}

using Christmas.Core.Settings;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Settings;

public partial class WebhookUrlsCard
{
    [Inject] private WebhookUrlList WebhookUrls { get; set; } = default!;
    [Inject] private IJSRuntime Js { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private IReadOnlyList<WebhookUrl> Urls { get; set; } = [];
    private HashSet<string> Revealed { get; } = [];

    protected override void OnInitialized() => Urls = WebhookUrls.All();

    private void Toggle(string handler)
    {
        if (!Revealed.Remove(handler)) Revealed.Add(handler);
    }

    private async Task CopyAsync(WebhookUrl url)
    {
        try
        {
            await Js.InvokeVoidAsync("navigator.clipboard.writeText", url.FullUrl);
            Snackbar.Add($"Copied the {url.Handler} URL.", Severity.Success);
        }
        catch (JSException)
        {
            // Browsers allow the clipboard only on https or localhost.
            Revealed.Add(url.Handler);
            Snackbar.Add("The browser blocked the clipboard: the URL is shown, select it and copy.", Severity.Info);
        }
    }
}

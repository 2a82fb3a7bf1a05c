using Christmas.Core.Dashboard;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Dashboard;

/// <summary>The figures of the day; refreshes itself while open, so it can stay on a screen.</summary>
public partial class DashboardPage : IDisposable
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _closed = new();

    [Inject] private DashboardQueries Queries { get; set; } = default!;
    [Inject] private Christmas.Core.SendRules.OfferCountdown Countdown { get; set; } = default!;
    private Christmas.Core.SendRules.OfferCountdown.View? Offer { get; set; }
    [Inject] private ILogger<DashboardPage> Logger { get; set; } = default!;

    private DashboardSummary? Summary { get; set; }
    private DateTime? LoadedAt { get; set; }
    private bool Loading { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    // Only once the circuit is live: a prerender has no one to show updates to.
    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) _ = RefreshPeriodicallyAsync();
    }

    private async Task LoadAsync()
    {
        Loading = true;
        try
        {
            Summary = await Queries.SummaryAsync(_closed.Token);
            Offer = await Countdown.ReadAsync(_closed.Token);
            LoadedAt = DateTime.UtcNow;
        }
        finally
        {
            Loading = false;
        }
    }

    private async Task RefreshPeriodicallyAsync()
    {
        using var timer = new PeriodicTimer(RefreshEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(_closed.Token))
                await InvokeAsync(async () =>
                {
                    await LoadAsync();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
        catch (Exception ex)
        {
            // Keep the last figures on screen; the next visit or the refresh button tries again.
            Logger.LogWarning(ex, "The dashboard stopped refreshing itself");
        }
    }

    // Cancelled, not disposed: the refresh loop may still read the token while it winds down.
    public void Dispose() => _closed.Cancel();
}

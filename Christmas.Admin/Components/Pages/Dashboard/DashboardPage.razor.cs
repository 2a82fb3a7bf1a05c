using Christmas.Core.Dashboard;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Dashboard;

public partial class DashboardPage
{
    [Inject] private DashboardQueries Queries { get; set; } = default!;

    private DashboardSummary? Summary { get; set; }
    private bool Loading { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Loading = true;
        try
        {
            Summary = await Queries.SummaryAsync(CancellationToken.None);
        }
        finally
        {
            Loading = false;
        }
    }
}

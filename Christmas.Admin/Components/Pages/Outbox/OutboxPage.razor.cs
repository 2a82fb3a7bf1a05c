using Christmas.Core.Common;
using Christmas.Core.Delivery.Outbox;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Outbox;

/// <summary>The Outbox: a server-paged list on one side, the chosen email rendered on the other.</summary>
public partial class OutboxPage
{
    private MudTable<OutboxMessageView>? _table;

    [Inject] private OutboxQueries Queries { get; set; } = default!;

    /// <summary>Lets other pages link to one recipient's emails: /outbox?to=someone@example.com.</summary>
    [SupplyParameterFromQuery(Name = "to")] private string? To { get; set; }

    private OutboxMessageView? Selected { get; set; }

    private async Task<TableData<OutboxMessageView>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Queries.ListAsync(To, new PageRequest(state.Page + 1, state.PageSize), ct);
        // Open the newest email at first, so the page never starts blank (the table renders itself, the preview is ours).
        if (Selected is null && page.Results.Count > 0)
        {
            Selected = page.Results[0];
            StateHasChanged();
        }
        return new TableData<OutboxMessageView> { Items = page.Results, TotalItems = page.Total };
    }

    private async Task OnToChanged(string? to)
    {
        To = to;
        Selected = null;
        if (_table is not null) await _table.ReloadServerData();
    }

    private string RowClass(OutboxMessageView message, int index) => message.Id == Selected?.Id ? "selected-row" : "";
}

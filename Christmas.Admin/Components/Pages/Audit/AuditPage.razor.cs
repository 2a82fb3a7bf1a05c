using Christmas.Core.Audit;
using Christmas.Core.Common;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Audit;

/// <summary>The audit log, server-paged and searchable by actor, action or target.</summary>
public partial class AuditPage
{
    private MudTable<AuditEntry>? _table;

    [Inject] private AuditLog Log { get; set; } = default!;

    private string? Search { get; set; }

    private async Task<TableData<AuditEntry>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Log.PageAsync(new PageRequest(state.Page + 1, state.PageSize), Search, ct);
        return new TableData<AuditEntry> { Items = page.Results, TotalItems = page.Total };
    }

    private async Task OnSearchChanged(string? search)
    {
        Search = search;
        if (_table is not null) await _table.ReloadServerData();
    }
}

using Christmas.Core.Common;
using Christmas.Core.Executions;
using Christmas.Core.Webhooks;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Executions;

/// <summary>The webhook calls, Kestra-like: server-paged, filtered by flow and state, one row opens its details.</summary>
public partial class ExecutionsPage
{
    private static readonly string[] States = [ExecutionState.Success, ExecutionState.Failed];
    private MudTable<ExecutionView>? _table;

    [Inject] private ExecutionQueries Queries { get; set; } = default!;
    [Inject] private Christmas.Core.Campaign.Live.PublishedCampaign Published { get; set; } = default!;
    /// <summary>The handlers of the revision in force (a page opened after a publish shows the new ones).</summary>
    private Christmas.Core.Campaign.Live.LiveCampaign Campaign => Published.Latest;

    private string? FlowId { get; set; }
    private string? State { get; set; }
    private string? OpenId { get; set; }

    private bool IsOpen(ExecutionView execution) => OpenId == execution.Id;

    private void Toggle(ExecutionView execution) => OpenId = IsOpen(execution) ? null : execution.Id;

    private async Task<TableData<ExecutionView>> LoadAsync(TableState state, CancellationToken ct)
    {
        var page = await Queries.SearchAsync(new ExecutionFilter(FlowId, State), new PageRequest(state.Page + 1, state.PageSize), ct);
        return new TableData<ExecutionView> { Items = page.Results, TotalItems = page.Total };
    }

    private Task OnFlowChanged(string? flowId)
    {
        FlowId = flowId;
        return ReloadAsync();
    }

    private Task OnStateChanged(string? state)
    {
        State = state;
        return ReloadAsync();
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;
}

using Christmas.Core.Executions;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Executions;

/// <summary>One webhook call on a page of its own (where a replay lands, and what "replayed as" links open).</summary>
public partial class ExecutionPage
{
    [Inject] private ExecutionQueries Queries { get; set; } = default!;

    [Parameter] public string Id { get; set; } = "";

    private ExecutionView? _execution;
    private bool _loading = true;

    protected override async Task OnParametersSetAsync()
    {
        _loading = true;
        _execution = await Queries.GetAsync(Id, CancellationToken.None);
        _loading = false;
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Christmas.Core.Executions;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Executions;

/// <summary>One call opened up: warnings, the payload as received (indented), and its log lines.</summary>
public partial class ExecutionDetails
{
    // Relaxed escaping is safe here: Blazor HTML-encodes the text, and staff should read "é" and "<", not \u00E9.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private string? _loadedId;

    [Parameter, EditorRequired] public ExecutionView Execution { get; set; } = default!;
    [Inject] private ExecutionQueries Queries { get; set; } = default!;

    private IReadOnlyList<ExecutionLogView>? Logs { get; set; }
    private string PayloadText => JsonSerializer.Serialize(Execution.Payload, Indented);
    private string Duration => $"{(Execution.State.EndDate - Execution.State.StartDate).TotalMilliseconds:0} ms";

    // The table re-renders its rows often; the log is read once per opened call.
    protected override async Task OnParametersSetAsync()
    {
        if (_loadedId == Execution.Id) return;
        _loadedId = Execution.Id;
        Logs = null;
        Logs = await Queries.LogsAsync(Execution.Id, CancellationToken.None) ?? [];
    }
}

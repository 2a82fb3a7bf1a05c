using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;

namespace Christmas.Admin.Components.Layout;

/// <summary>
/// A page that fails shows a friendly message with an error id; the exception goes to the log under that id, never to the screen.
/// A page left while it was still talking to the browser (a chart measuring itself when the tab navigates
/// away or closes: <see cref="JSDisconnectedException"/>, or the call cancelled) is no error: nobody is
/// there to see it, so it is logged at Debug only.
/// </summary>
public sealed class ConsoleErrorBoundary : ErrorBoundaryBase
{
    [Inject] private ILogger<ConsoleErrorBoundary> Logger { get; set; } = default!;

    private string? _errorId;

    protected override Task OnErrorAsync(Exception exception)
    {
        if (IsTheBrowserLeaving(exception))
        {
            Logger.LogDebug(exception, "A console page was left while it still called the browser");
            return Task.CompletedTask;
        }
        _errorId = Guid.NewGuid().ToString("N")[..8];
        Logger.LogError(exception, "Console page error {ErrorId}", _errorId);
        return Task.CompletedTask;
    }

    private static bool IsTheBrowserLeaving(Exception exception) => exception switch
    {
        JSDisconnectedException or OperationCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTheBrowserLeaving),
        _ => false,
    };

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (CurrentException is null)
        {
            builder.AddContent(0, ChildContent);
            return;
        }
        builder.OpenComponent<MudAlert>(1);
        builder.AddComponentParameter(2, nameof(MudAlert.Severity), Severity.Error);
        builder.AddAttribute(3, "data-testid", "page-error");
        builder.AddComponentParameter(4, nameof(MudAlert.ChildContent), (RenderFragment)(b =>
            b.AddContent(0, $"Something went wrong on this page. Reload to try again; if it keeps happening, give the person on call this error id: {_errorId}.")));
        builder.CloseComponent();
    }
}

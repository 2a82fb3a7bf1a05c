using Christmas.Admin.Security;
using Christmas.Core.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Campaign;

/// <summary>Edits one step's template (subject and body) and saves it as a new version, through the same operation as the templates API.</summary>
public partial class StepTemplateDialog
{
    [Inject] private TemplateStore Templates { get; set; } = default!;
    [Inject] private TemplateOperations Operations { get; set; } = default!;
    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    [Parameter, EditorRequired] public string Key { get; set; } = "";

    private bool Loading { get; set; } = true;
    private bool Busy { get; set; }
    private int? Version { get; set; }
    private string Subject { get; set; } = "";
    private string Body { get; set; } = "";
    private string? Error { get; set; }

    protected override async Task OnInitializedAsync()
    {
        var current = await Templates.CurrentAsync(Key, CancellationToken.None);
        (Version, Subject, Body, Loading) = (current?.Version, current?.Subject ?? "", current?.Body ?? "", false);
    }

    private async Task SaveAsync()
    {
        Busy = true;
        try
        {
            var saved = await Operations.PutAsync(Key, null, Subject, Body, (await Auth).User.ActorName(), CancellationToken.None);
            if (saved.Value is { } template) Dialog.Close(DialogResult.Ok(template.Version));
            else Error = saved.Error;
        }
        finally
        {
            Busy = false;
        }
    }
}

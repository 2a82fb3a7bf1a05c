using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Core.Contacts.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;

namespace Christmas.Admin.Components.Pages.Contacts.Import;

/// <summary>
/// The console's CSV import: choose a file, check the detected columns and the first rows, dry-run, import. Any operator
/// may import contacts; the suppression mode is offered to Admins only (as on the API). The work is <see cref="CsvContactImporter"/>'s.
/// </summary>
public partial class ContactImportPage
{
    /// <summary>The largest file the page takes (held in memory while it is imported); bigger lists go through the API.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    [Inject] private CsvContactImporter Importer { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private byte[]? _file;
    private string? FileName { get; set; }
    private CsvImportPreview? Preview { get; set; }
    /// <summary>Per header, the field chosen for it ("" leaves the column out).</summary>
    private string[] Mapping { get; set; } = [];
    private CsvImportMode Mode { get; set; } = CsvImportMode.Upsert;
    private CsvImportRun? Run { get; set; }
    private CsvImportResult? Result { get; set; }
    private string? Error { get; set; }
    private bool IsAdmin { get; set; }

    private bool CanStart => _file is not null && Run?.IsRunning != true;
    private double Percent => Run is null ? 0 : (Run.IsRunning ? Run.Progress.Fraction ?? 0 : 1) * 100;

    protected override async Task OnInitializedAsync() => IsAdmin = (await Auth).User.IsInRole(ConsoleRoles.Admin);

    private async Task OnFileChangedAsync(IBrowserFile? file)
    {
        (Error, Result, Preview, Run, _file) = (null, null, null, null, null);
        if (file is null) return;
        FileName = file.Name;
        if (file.Size > MaxFileBytes)
        {
            Error = $"{file.Name} is {file.Size / 1024 / 1024} MB; the console takes files up to {MaxFileBytes / 1024 / 1024} MB (use POST /api/contacts/import for bigger ones).";
            return;
        }
        using var buffer = new MemoryStream();
        await using (var upload = file.OpenReadStream(MaxFileBytes)) await upload.CopyToAsync(buffer);
        _file = buffer.ToArray();
        Preview = await CsvImportPreview.ReadAsync(new MemoryStream(_file), CancellationToken.None);
        if (Preview is null) Error = $"{file.Name} has no header row: it is empty or not CSV.";
        else Mapping = Preview.Fields.Select(f => f ?? "").ToArray();
    }

    private async Task StartAsync(bool dryRun)
    {
        if (_file is null || Preview is null) return;
        var user = (await Auth).User;
        // The option is hidden from others, but a circuit can outlive a role change: check again here.
        if (Mode == CsvImportMode.Suppress && !user.IsInRole(ConsoleRoles.Admin)) return;
        var map = Preview.Headers.Select((h, i) => (h, Field: Mapping[i].Length == 0 ? CsvColumnMap.Ignore : Mapping[i]))
            .GroupBy(p => p.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Field, StringComparer.OrdinalIgnoreCase);
        (Error, Result) = (null, null);
        Run = CsvImportRun.Start(Importer, new MemoryStream(_file), new CsvImportContext(Mode, dryRun, FileName!, user.ActorName()), map);
        // Poll for the progress bar until the run ends.
        while (Run.IsRunning)
        {
            await Task.WhenAny(Run.Completion, Task.Delay(250));
            StateHasChanged();
        }
        var outcome = await Run.Completion;
        (Result, Error) = (outcome.Value, outcome.Error is { } e ? e[(e.IndexOf(':') + 2)..] : null);
    }
}

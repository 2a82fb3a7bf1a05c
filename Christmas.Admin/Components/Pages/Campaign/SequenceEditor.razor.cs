using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Editing;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Pages.Campaign;

/// <summary>One sequence on the Sequences page: its label and stage, timeline, steps table and exits, each edit applied to the workspace.</summary>
public partial class SequenceEditor
{
    private string? _exitSequence;
    private string? _exitReason;

    [Parameter, EditorRequired] public DraftWorkspace Workspace { get; set; } = default!;
    [Parameter, EditorRequired] public SequenceSpec Sequence { get; set; } = default!;
    /// <summary>Errors by document path (<c>sequences[0].steps[2].offset</c>).</summary>
    [Parameter] public IReadOnlyDictionary<string, string> FieldErrors { get; set; } = new Dictionary<string, string>();
    [Parameter] public bool Busy { get; set; }
    [Parameter] public EventCallback Changed { get; set; }
    /// <summary>The page adds the step (its template is created first).</summary>
    [Parameter] public EventCallback<string> AddStep { get; set; }
    [Parameter] public EventCallback<string> EditTemplate { get; set; }

    private string StepCount => Sequence.Steps.Count == 1 ? "1 email" : $"{Sequence.Steps.Count} emails";

    private IEnumerable<string> Others => Workspace.Document.Sequences.Select(s => s.Name).Where(n => n != Sequence.Name);

    private string Path(string field) => $"{Workspace.PathOf(Sequence.Name)}.{field}";

    // From the rendered list: a row MudTable still renders for a step just removed gets a path that matches nothing.
    private string Path(StepSpec step, string field) => Path($"steps[{Sequence.Steps.ToList().IndexOf(step)}].{field}");

    private bool HasError(string path) => FieldErrors.ContainsKey(path);

    private string? ErrorAt(string path) => FieldErrors.GetValueOrDefault(path);

    private Task LabelChangedAsync(string? label) => Edit(() => Workspace.SetLabel(Sequence.Name, label));

    private Task StageChangedAsync(string? stage) => Edit(() => Workspace.SetStage(Sequence.Name, stage));

    private Task TemplateChangedAsync(int number, string? template) => Edit(() => Workspace.SetTemplate(Sequence.Name, number, template ?? ""));

    private Task OffsetChangedAsync(int number, string? text) => Edit(() => Workspace.SetOffset(Sequence.Name, number, text));

    private Task TestingOffsetChangedAsync(int number, string? text) => Edit(() => Workspace.SetTestingOffset(Sequence.Name, number, text));

    private Task MoveAsync(int number, int direction) => Edit(() => Workspace.MoveStep(Sequence.Name, number, direction));

    private Task RemoveAsync(int number) => Edit(() => Workspace.RemoveStep(Sequence.Name, number));

    private Task RemoveExitAsync(int index) => Edit(() => Workspace.RemoveExit(Sequence.Name, index));

    private async Task AddExitAsync()
    {
        if (string.IsNullOrEmpty(_exitSequence) || string.IsNullOrWhiteSpace(_exitReason)) return;
        Workspace.AddExit(Sequence.Name, _exitSequence, _exitReason);
        (_exitSequence, _exitReason) = (null, null);
        await Changed.InvokeAsync();
    }

    private Task Edit(Action edit)
    {
        edit();
        return Changed.InvokeAsync();
    }

    private Task Edit(Func<bool> edit)
    {
        edit();
        return Changed.InvokeAsync();
    }
}

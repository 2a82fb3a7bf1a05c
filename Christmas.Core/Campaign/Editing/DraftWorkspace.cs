using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Editing;

/// <summary>
/// The campaign being edited on the Sequences page, in memory until it is saved as the draft. Each edit replaces
/// the (immutable) document. Step numbers are the emails' identities, which publishing matches in-flight steps by:
/// removing a step leaves the others' numbers alone, and moving one swaps it with its neighbour (the email moves,
/// the slot's number and send time stay), so the list stays numbered and timed in order.
/// Text a person types that does not read (an offset "3 days") is not applied; it is kept as an error on its path
/// (<c>sequences[0].steps[2].offset</c>, as the validator names paths).
/// </summary>
public sealed class DraftWorkspace(CampaignDocument document, DraftOrigin origin)
{
    private static readonly TimeSpan StepGap = TimeSpan.FromDays(1);
    private static readonly TimeSpan TestingGap = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, string> _inputErrors = new(StringComparer.Ordinal);

    public CampaignDocument Document { get; private set; } = document;
    public DraftOrigin Origin { get; private set; } = origin;
    /// <summary>Edited since opened or last saved.</summary>
    public bool Dirty { get; private set; }
    /// <summary>Typed values that were not applied, by path.</summary>
    public IReadOnlyDictionary<string, string> InputErrors => _inputErrors;

    /// <summary>A new last step sending <paramref name="template"/>, a day (a minute in testing mode) after the last one.</summary>
    public StepSpec AddStep(string sequence, string template)
    {
        var s = Sequence(sequence);
        var last = s.Steps.Count > 0 ? s.Steps[^1] : null;
        var step = new StepSpec(
            s.Steps.Count == 0 ? 1 : s.Steps.Max(x => x.Number) + 1,
            template,
            Min((last?.Offset ?? TimeSpan.Zero) + (last is null ? TimeSpan.Zero : StepGap), DefinitionValidator.MaxOffset),
            Min((last?.TestingOffset ?? TimeSpan.Zero) + (last is null ? TimeSpan.Zero : TestingGap), DefinitionValidator.MaxTestingOffset));
        Replace(s, s with { Steps = [.. s.Steps, step] }, structural: true);
        return step;
    }

    public void RemoveStep(string sequence, int number)
    {
        var s = Sequence(sequence);
        var at = IndexOf(s, number);
        Replace(s, s with { Steps = s.Steps.Where((_, i) => i != at).ToList() }, structural: true);
    }

    /// <summary>Moves the email one place up (-1) or down (+1): it swaps template with its neighbour; numbers and send times stay in order.</summary>
    /// <returns>False at either end.</returns>
    public bool MoveStep(string sequence, int number, int direction)
    {
        var s = Sequence(sequence);
        var at = IndexOf(s, number);
        var other = at + Math.Sign(direction);
        if (direction == 0 || other < 0 || other >= s.Steps.Count) return false;
        var steps = s.Steps.ToList();
        (steps[at], steps[other]) = (
            steps[at] with { Template = steps[other].Template, SentByWebsite = steps[other].SentByWebsite },
            steps[other] with { Template = steps[at].Template, SentByWebsite = steps[at].SentByWebsite });
        Replace(s, s with { Steps = steps }, structural: true);
        return true;
    }

    /// <summary>The production offset from text (<c>24h</c>, <c>3d</c>, <c>P3D</c>); false, with an error on its path, when it does not read.</summary>
    public bool SetOffset(string sequence, int number, string? text) =>
        SetDuration(sequence, number, text, "offset", (step, value) => step with { Offset = value });

    /// <summary>The testing-mode offset, as <see cref="SetOffset"/>.</summary>
    public bool SetTestingOffset(string sequence, int number, string? text) =>
        SetDuration(sequence, number, text, "testingOffset", (step, value) => step with { TestingOffset = value });

    public void SetTemplate(string sequence, int number, string template)
    {
        var s = Sequence(sequence);
        var at = IndexOf(s, number);
        Replace(s, s with { Steps = s.Steps.Select((x, i) => i == at ? x with { Template = template.Trim() } : x).ToList() });
    }

    public void SetLabel(string sequence, string? label)
    {
        var s = Sequence(sequence);
        Replace(s, s with { Label = label?.Trim() ?? "" });
    }

    /// <summary>Empty text: the sequence is no funnel stage.</summary>
    public void SetStage(string sequence, string? stage)
    {
        var s = Sequence(sequence);
        Replace(s, s with { Stage = string.IsNullOrWhiteSpace(stage) ? null : stage.Trim() });
    }

    /// <summary>Starting <paramref name="sequence"/> ends the contact's active <paramref name="ended"/>, for <paramref name="reason"/>.</summary>
    public void AddExit(string sequence, string ended, string reason)
    {
        var s = Sequence(sequence);
        Replace(s, s with { Ends = [.. s.Ends, new SequenceEndSpec(ended, reason.Trim())] }, structural: true);
    }

    public void RemoveExit(string sequence, int index)
    {
        var s = Sequence(sequence);
        if (index < 0 || index >= s.Ends.Count) throw new ArgumentOutOfRangeException(nameof(index), $"'{sequence}' has no exit {index}.");
        Replace(s, s with { Ends = s.Ends.Where((_, i) => i != index).ToList() }, structural: true);
    }

    /// <summary>The document's path of a sequence, or of one of its steps' fields, as the validator names it.</summary>
    public string PathOf(string sequence, int? number = null, string? field = null)
    {
        var s = Sequence(sequence);
        var path = $"sequences[{IndexOf(s)}]";
        if (number is { } n) path += $".steps[{IndexOf(s, n)}]";
        return field is null ? path : $"{path}.{field}";
    }

    /// <summary>After a save or a reload: this is now what is stored.</summary>
    public void Reset(CampaignDocument document, DraftOrigin origin)
    {
        (Document, Origin, Dirty) = (document, origin, false);
        _inputErrors.Clear();
    }

    private bool SetDuration(string sequence, int number, string? text, string field, Func<StepSpec, TimeSpan, StepSpec> set)
    {
        var s = Sequence(sequence);
        var at = IndexOf(s, number);
        var path = PathOf(sequence, number, field);
        if (!CampaignDuration.TryParse(text, out var value))
        {
            _inputErrors[path] = $"'{text}' is not a duration: use {CampaignDuration.Hint}.";
            return false;
        }
        _inputErrors.Remove(path);
        Replace(s, s with { Steps = s.Steps.Select((x, i) => i == at ? set(x, value) : x).ToList() });
        return true;
    }

    private void Replace(SequenceSpec old, SequenceSpec updated, bool structural = false)
    {
        var index = IndexOf(old);
        // Paths below a sequence whose steps or exits moved no longer name the same thing.
        if (structural)
            foreach (var key in _inputErrors.Keys.Where(k => k.StartsWith($"sequences[{index}].", StringComparison.Ordinal)).ToList())
                _inputErrors.Remove(key);
        Document = Document with { Sequences = Document.Sequences.Select((x, i) => i == index ? updated : x).ToList() };
        Dirty = true;
    }

    private SequenceSpec Sequence(string name) =>
        Document.Sequence(name) ?? throw new ArgumentException($"There is no sequence '{name}'.", nameof(name));

    private int IndexOf(SequenceSpec s) => Document.Sequences.ToList().FindIndex(x => x.Name == s.Name);

    private static int IndexOf(SequenceSpec s, int number)
    {
        var at = s.Steps.ToList().FindIndex(x => x.Number == number);
        return at >= 0 ? at : throw new ArgumentException($"'{s.Name}' has no step {number}.", nameof(number));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

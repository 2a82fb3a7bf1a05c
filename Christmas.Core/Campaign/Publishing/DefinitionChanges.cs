using Christmas.Core.Campaign.Definition;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>The document-level differences between two definitions, sequences in the newer one's order, then handlers.</summary>
public static class DefinitionChanges
{
    public static IReadOnlyList<DefinitionChange> Between(CampaignDocument published, CampaignDocument draft)
    {
        var changes = new List<DefinitionChange>();
        foreach (var old in published.Sequences.Where(s => draft.Sequence(s.Name) is null))
            changes.Add(new DefinitionChange(old.Name, null, ChangeKinds.SequenceRemoved));
        foreach (var next in draft.Sequences)
        {
            if (published.Sequence(next.Name) is not { } old)
            {
                changes.Add(new DefinitionChange(next.Name, null, ChangeKinds.SequenceAdded));
                continue;
            }
            changes.AddRange(StepChanges(old, next));
        }
        foreach (var old in published.Handlers.Where(h => draft.Handler(h.Name) is null))
            changes.Add(new DefinitionChange(null, null, ChangeKinds.HandlerRemoved, old.Name));
        foreach (var next in draft.Handlers)
        {
            var old = published.Handler(next.Name);
            if (old is null) changes.Add(new DefinitionChange(null, null, ChangeKinds.HandlerAdded, next.Name));
            else if (!SpecEquality.Same(old, next)) changes.Add(new DefinitionChange(null, null, ChangeKinds.HandlerChanged, next.Name));
        }
        return changes;
    }

    private static IEnumerable<DefinitionChange> StepChanges(SequenceSpec old, SequenceSpec next)
    {
        var before = old.Steps.ToDictionary(s => s.Number);
        var after = next.Steps.ToDictionary(s => s.Number);
        foreach (var number in before.Keys.Union(after.Keys).Order())
        {
            var was = before.GetValueOrDefault(number);
            var now = after.GetValueOrDefault(number);
            if (was is null) yield return new DefinitionChange(next.Name, number, ChangeKinds.Added);
            else if (now is null) yield return new DefinitionChange(next.Name, number, ChangeKinds.Removed);
            else
            {
                if (was.Offset != now.Offset || was.TestingOffset != now.TestingOffset)
                    yield return new DefinitionChange(next.Name, number, ChangeKinds.Moved);
                if (was.Template != now.Template) yield return new DefinitionChange(next.Name, number, ChangeKinds.Template);
            }
        }
    }
}

namespace Christmas.Core.Campaign.Publishing;

/// <summary>Adds up sequence plans, page after page, into the impact's counts and its bounded sample.</summary>
public sealed class ImpactTally
{
    public const int SampleSize = 20;

    private readonly HashSet<long> _contacts = [];
    private readonly List<ImpactSample> _samples = [];
    private int _sequences, _moved, _added, _cancelled, _sendNow, _skipped;

    public void Add(InFlightPlan plan, string email)
    {
        if (!plan.Affected) return;
        _sequences++;
        _contacts.Add(plan.ContactId);
        foreach (var step in plan.Steps)
        {
            switch (step.Kind)
            {
                case StepChangeKind.Moved: _moved++; break;
                case StepChangeKind.Added: _added++; break;
                case StepChangeKind.Cancelled: _cancelled++; break;
                case StepChangeKind.SendNow: _sendNow++; break;
                case StepChangeKind.SkippedOverdue: _skipped++; break;
                default: continue; // a template change is listed in the changes, not counted per step
            }
            if (_samples.Count < SampleSize)
                _samples.Add(new ImpactSample(email, plan.Sequence, step.Number, step.From, step.To, SampleName(step.Kind)));
        }
    }

    public PublishImpact ToImpact(string policy, IReadOnlyList<DefinitionChange> changes, IReadOnlyDictionary<string, int> handlerCalls) =>
        new(policy, changes, new InFlightCounts(_sequences, _contacts.Count),
            new StepCounts(_moved, _added, _cancelled, _sendNow, _skipped), handlerCalls, _samples.ToList());

    private static string SampleName(StepChangeKind kind) => kind switch
    {
        StepChangeKind.SendNow => "sendNow",
        StepChangeKind.SkippedOverdue => "skippedOverdue",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

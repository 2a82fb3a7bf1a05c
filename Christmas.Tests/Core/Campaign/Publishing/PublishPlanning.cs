using Christmas.Core.Campaign;
using Christmas.Core.Campaign.Definition;
using Christmas.Core.Campaign.Publishing;
using Christmas.Core.SendRules;
using Christmas.Core.Sequences;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Tests.Core.Campaign.Publishing;

/// <summary>Builders for the planner's tests: revision 1, edits of it, and an assessment sequence in flight.</summary>
internal static class PublishPlanning
{
    public static readonly DateTime Anchor = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    public static readonly CampaignDocument RevisionOne = RevisionOneDocument.Build();

    public static PlanningRules Rules(Action<CampaignOptions>? configure = null)
    {
        var options = new CampaignOptions();
        configure?.Invoke(options);
        return new PlanningRules(new SendRuleSet(Options.Create(options)), options.OverdueGrace);
    }

    public static CampaignDocument Edit(string sequence, Func<IReadOnlyList<StepSpec>, IEnumerable<StepSpec>> steps, CampaignDocument? document = null)
    {
        var d = document ?? RevisionOne;
        return d with { Sequences = d.Sequences.Select(s => s.Name == sequence ? s with { Steps = steps(s.Steps).ToList() } : s).ToList() };
    }

    public static CampaignDocument MoveStep(string sequence, int number, TimeSpan offset) =>
        Edit(sequence, steps => steps.Select(s => s.Number == number ? s with { Offset = offset } : s));

    public static CampaignDocument WithoutSequence(string sequence) => RevisionOne with
    {
        Sequences = RevisionOne.Sequences.Where(s => s.Name != sequence).ToList(),
        Handlers = RevisionOne.Handlers.Select(h => h.Starts == sequence ? h with { Starts = null } : h).ToList(),
    };

    /// <summary>An assessment in production mode: #1 sent by the website, #2 sent by us at 24 h, #3 to #5 scheduled at 72, 96 and 120 h.</summary>
    public static Sequence Assessment(DateTime now, SequenceMode mode = SequenceMode.Production)
    {
        var definition = Fixtures.RevisionOne.Sequence("assessment");
        var steps = definition.Steps.Select(d => d.SentByWebsite ? Step.SentByWebsiteAt(d, Anchor) : Step.Scheduled(d, Anchor + d.OffsetFor(mode))).ToList();
        steps[1].BeginSending(Anchor + definition.Steps[1].OffsetFor(mode));
        steps[1].MarkSent(Anchor + definition.Steps[1].OffsetFor(mode), "msg-2");
        return new Sequence(1, "assessment", mode, "assessment", Anchor, Anchor, "{}", "exec-1", steps);
    }

    public static Sequence Noshow(DateTime now) =>
        new(1, "noshow", SequenceMode.Production, "noshow:evt", Anchor, Anchor, "{}", "exec-2",
            Fixtures.RevisionOne.Sequence("noshow").Steps.Select(d => Step.Scheduled(d, Anchor + d.ProductionOffset)));

    public static InFlightPlan Plan(CampaignDocument draft, Sequence sequence, DateTime now, string policy = "in-flight", PlanningRules? rules = null, string? zone = null) =>
        InFlightPlanner.Plan(RevisionOne, draft, policy, 2, new ActiveSequence(sequence, zone, []), rules ?? Rules(), now);
}

using Christmas.Core.Webhooks;

namespace Christmas.Core.Simulation;

/// <summary>A checked simulation request: how far to play, from when, and what happens on the way.</summary>
/// <param name="Calls">Webhook calls played at their times; empty: every active sequence in the database.</param>
/// <param name="TestingMode">The mode new sequences start in; null: the console's current testing mode.</param>
/// <param name="Campaign">The definition played: the published revision, or the draft.</param>
public sealed record SimulationRequest(DateTime Start, int Days, IReadOnlyList<SimulatedCall> Calls, bool? TestingMode, RuleOverrides Overrides,
    Campaign.Live.LiveCampaign Campaign)
{
    public const int MinDays = 1;
    public const int MaxDays = 60;
    public const int MaxCalls = 1000;

    public DateTime End => Start.AddDays(Days);
}

/// <summary>One webhook call of a simulation, already judged by the webhook's own validator (received at <paramref name="At"/>).</summary>
public sealed record SimulatedCall(int Index, WebhookInput Input, DateTime At);

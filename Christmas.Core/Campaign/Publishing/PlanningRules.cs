using Christmas.Core.SendRules;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>The campaign rules a moved or added step is placed with: the send rules and <c>Campaign:OverdueGrace</c>.</summary>
public sealed record PlanningRules(SendRuleSet SendRules, TimeSpan OverdueGrace);

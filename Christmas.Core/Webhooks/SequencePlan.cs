using Christmas.Core.Sequences;

namespace Christmas.Core.Webhooks;

/// <summary>What a valid call starts: the definition, its dedupe key and the planned steps (<see cref="Campaign.Engine.CampaignEngine.Start"/>).</summary>
public sealed record SequencePlan(SequenceDefinition Definition, string DedupeKey, List<Step> Steps);

using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Engine;

/// <summary>What a call starts: a <see cref="Plan"/>, or nothing with a <see cref="Warning"/> or an <see cref="Info"/> saying why.</summary>
/// <param name="NothingSent">The WARN for a plan whose every email is skipped (overdue, the offer's end).</param>
public sealed record CallStart(SequencePlan? Plan, string? Warning, string? Info, string? NothingSent = null)
{
    public static CallStart Nothing(string? warning, string? info) => new(null, warning, info);
}

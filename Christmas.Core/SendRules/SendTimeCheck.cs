using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;

namespace Christmas.Core.SendRules;

/// <summary>
/// What stops a due step at send time, in this order: the contact left the list, the address is on the
/// suppression list, the sequence ended (an operator's re-send still goes), the offer is over. Pure, so
/// the send job and the simulator decide the same way.
/// </summary>
public static class SendTimeCheck
{
    /// <summary>Why the step does not go. <paramref name="Skip"/>: a campaign rule (the step is skipped); else it is abandoned (cancelled).</summary>
    public sealed record Stop(string Reason, bool Skip)
    {
        /// <summary>Ends the claimed (sending) step with this reason.</summary>
        public void Apply(Step step)
        {
            if (Skip) step.SkipAtSend(Reason);
            else step.Abandon(Reason);
        }
    }

    /// <param name="listedReason">The suppression list's reason for the address (<c>SuppressionList.StopReasonAsync</c>); null when it is not listed.</param>
    /// <returns>Null when the step may be sent now.</returns>
    public static Stop? StopReason(Contact contact, string? listedReason, Sequence sequence, Step step, SendRuleSet rules, DateTime now)
    {
        if (contact.IsSuppressed) return new($"contact is {contact.Status.ToApiName()}", Skip: false);
        if (listedReason is not null) return new(listedReason, Skip: false);
        if (sequence.Status != SequenceStatus.Active && !step.ManualSend) return new($"sequence is {sequence.Status.ToApiName()}", Skip: false);
        if (rules.IsPastOfferEnd(now)) return new(SendRuleSet.OfferEnded, Skip: true);
        return null;
    }
}

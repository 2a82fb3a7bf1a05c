using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;

namespace Christmas.Core.SendRules;

/// <summary>
/// The checks a step passes when it is about to go, in one place: the send job applies them at send
/// time and the contact's "what happens next" asks them ahead of time. Pure: the caller gathers the
/// facts (the suppression list's answer is a database read).
/// </summary>
public static class SendGate
{
    /// <summary>Why the step must not go at <paramref name="sendingAt"/>, or null when nothing stops it.</summary>
    /// <param name="listed">The suppression list's reason for the contact's address ("bounced", ...), null when not listed.</param>
    /// <param name="sendingAt">When it goes: now at send time, the step's next attempt time when asked ahead.</param>
    public static SendStop? Check(SendRuleSet rules, Contact contact, string? listed, Sequence sequence, Step step, DateTime sendingAt)
    {
        if (contact.IsSuppressed) return new SendStop($"contact is {contact.Status.ToApiName()}", Skip: false);
        if (listed is not null) return new SendStop(listed, Skip: false);
        if (sequence.Status != SequenceStatus.Active && !step.ManualSend) return new SendStop($"sequence is {sequence.Status.ToApiName()}", Skip: false);
        if (rules.IsPastOfferEnd(sendingAt)) return new SendStop(SendRuleSet.OfferEnded, Skip: true);
        return null;
    }
}


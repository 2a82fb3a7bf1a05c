using Christmas.Core.Sequences;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>A contact with an active sequence, and all its active sequences with their steps.</summary>
public sealed record ActiveContact(long Id, string Email, string? ZoneId, IReadOnlyList<Sequence> Sequences)
{
    /// <summary>One of its sequences as the planner takes it: the send times of the contact's other sequences count for the minimum gap.</summary>
    public ActiveSequence View(Sequence sequence) => new(sequence, ZoneId, Sequences.Where(s => s.Id != sequence.Id)
        .SelectMany(s => s.Steps).Where(s => s.Status is StepStatus.Sent or StepStatus.Sending or StepStatus.Scheduled or StepStatus.Held)
        .Select(s => s.SentAt ?? s.SendAt).ToList());
}

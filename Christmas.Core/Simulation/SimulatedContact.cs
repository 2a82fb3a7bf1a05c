using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;

namespace Christmas.Core.Simulation;

/// <summary>A contact in the simulation: the entity (read from the database or made by a call), its sequences and its suppression entry.</summary>
internal sealed class SimulatedContact(Contact contact, bool stored, (SuppressionReason Reason, DateTime Since)? listed)
{
    public Contact Contact { get; } = contact;
    /// <summary>The contact existed before the call being played (stored, or made by an earlier call): the ingest's "not created".</summary>
    public bool Exists { get; set; } = stored;
    public (SuppressionReason Reason, DateTime Since)? Listed { get; } = listed;
    /// <summary>Every sequence, whatever its status: a finished one still holds its dedupe key and its sent emails.</summary>
    public List<Sequence> Sequences { get; } = [];

    /// <summary>When the contact's other emails went or will go: what the minimum gap keeps apart (as IngestStore reads them).</summary>
    public List<DateTime> OtherEmailTimes() => Sequences.SelectMany(s => s.Steps)
        .Where(s => s.Status is StepStatus.Scheduled or StepStatus.Sending or StepStatus.Sent)
        .Select(s => s.SentAt ?? s.SendAt)
        .ToList();
}

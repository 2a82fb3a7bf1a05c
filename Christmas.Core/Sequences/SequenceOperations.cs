using Christmas.Core.Audit;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Core.Sequences;

/// <summary>Operator actions on sequences and steps, shared by the API and the console.</summary>
public sealed class SequenceOperations(
    IDbContextFactory<CampaignDbContext> contexts,
    Campaign.Live.PublishedCampaign campaign,
    TestingModeStore testingMode,
    DispatchSignal dispatchSignal,
    AuditLog audit,
    SendRules.SendRuleSet rules,
    TimeProvider time)
{
    private const int RescheduleBatch = 200;

    public async Task<Outcome<SequenceView>> CancelAsync(long sequenceId, string? reason, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sequence = await db.Sequences.Include(s => s.Steps).FirstOrDefaultAsync(s => s.Id == sequenceId, ct);
        if (sequence is null) return Outcome<SequenceView>.NotFound($"Sequence {sequenceId} does not exist.");
        var why = string.IsNullOrWhiteSpace(reason) ? "cancelled by an operator" : reason.Trim();
        if (!sequence.End(why, Now()))
            return Outcome<SequenceView>.Conflict($"Sequence {sequenceId} is already {sequence.Status.ToApiName()}.");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<SequenceView>.Conflict($"A step of sequence {sequenceId} is being sent right now; try again in a moment.");
        }
        await audit.RecordAsync(actor, "sequence.cancel", $"sequence {sequenceId}", why, ct);
        var segment = await db.Contacts.Where(c => c.Id == sequence.ContactId).Select(c => c.Segment).FirstOrDefaultAsync(ct);
        return Outcome<SequenceView>.Ok(ContactQueries.ToView(sequence, await StepTemplates.ForAsync(db, segment, ct)));
    }

    /// <summary>Sends a step again now, with an idempotency key of its own.</summary>
    public async Task<Outcome<StepView>> ResendAsync(long stepId, string actor, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var step = await db.Steps.Include(s => s.Sequence).ThenInclude(q => q!.Contact)
            .FirstOrDefaultAsync(s => s.Id == stepId, ct);
        if (step is null) return Outcome<StepView>.NotFound($"Step {stepId} does not exist.");
        var contact = step.Sequence!.Contact!;
        if (contact.IsSuppressed)
            return Outcome<StepView>.Conflict($"{contact.Email} is {contact.Status.ToApiName()}: no email may be sent.");
        try
        {
            step.RequestResend(Now());
            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidStepTransitionException or DbUpdateConcurrencyException)
        {
            return Outcome<StepView>.Conflict($"Step {stepId} is being sent right now.");
        }
        dispatchSignal.Wake();
        await audit.RecordAsync(actor, "step.resend", $"step {stepId}", $"{contact.Email}, {step.TemplateKey}", ct);
        return Outcome<StepView>.Ok(ContactQueries.ToView(step) with { TemplateKey = (await StepTemplates.ForAsync(db, contact.Segment, ct)).KeyOf(step) });
    }

    /// <summary>How many steps <see cref="ReschedulePendingAsync"/> would move now (for a progress bar).</summary>
    public async Task<int> CountReschedulableAsync(CancellationToken ct)
    {
        var mode = await testingMode.IsEnabledAsync(ct) ? SequenceMode.Testing : SequenceMode.Production;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Steps.CountAsync(st => st.Status == StepStatus.Scheduled && !st.ManualSend
            && st.Sequence!.Status == SequenceStatus.Active && st.Sequence.Mode != mode, ct);
    }

    /// <summary>Moves the pending steps of every active sequence to the current mode's offsets.</summary>
    /// <returns>How many steps moved.</returns>
    public async Task<int> ReschedulePendingAsync(IProgress<int>? progress, string actor, CancellationToken ct)
    {
        var mode = await testingMode.IsEnabledAsync(ct) ? SequenceMode.Testing : SequenceMode.Production;
        var moved = 0;
        long lastId = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var batch = await db.Sequences.Include(s => s.Steps).Include(s => s.Contact)
                .Where(s => s.Id > lastId && s.Status == SequenceStatus.Active && s.Mode != mode)
                .OrderBy(s => s.Id).Take(RescheduleBatch).ToListAsync(ct);
            if (batch.Count == 0) break;
            var now = Now();
            var live = await campaign.CurrentAsync(ct);
            // A sequence the definition no longer has keeps its times (it was removed, published new-only).
            var count = batch.Sum(s => live.Sequence(s.Kind) is { } definition ? s.Reschedule(mode, definition, now, rules) : 0);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                continue; // a step of this batch was claimed meanwhile: nothing was saved, reload the batch
            }
            moved += count;
            lastId = batch[^1].Id;
            progress?.Report(moved);
        }
        dispatchSignal.Wake();
        await audit.RecordAsync(actor, "steps.reschedule", "pending steps", $"{moved} moved to {mode.ToApiName()} timing", ct);
        return moved;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}

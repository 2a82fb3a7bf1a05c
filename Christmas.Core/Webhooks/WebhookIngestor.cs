using System.Globalization;
using Christmas.Core.Campaign;
using Christmas.Core.Changes;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Executions;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Christmas.Core.Suppressions;
using Christmas.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Webhooks;

/// <summary>
/// The webhook use case: upsert the contact, apply exit rules, start (or deduplicate) the sequence
/// and record the execution, all in one committed unit of the group-commit writer.
/// </summary>
public sealed class WebhookIngestor(
    GroupCommitWriter writer,
    IngestStore store,
    SequenceCatalog sequences,
    SegmentRule segmentRule,
    TestingModeStore testingMode,
    DispatchSignal dispatchSignal,
    IOptions<CampaignOptions> options,
    IOptions<WebhookOptions> webhookOptions,
    SendRuleSet rules,
    Privacy.ErasedAddresses erased,
    TimeProvider time)
{
    /// <summary>The payload an erased person's later call is recorded with: the call counts, nothing of the person stays.</summary>
    public const string ErasedPayload = """{"erased":true}""";

    /// <param name="trigger">"webhook", or "manual:&lt;who&gt;" for the operators' trigger, "replay:&lt;who&gt;" for a replay.</param>
    /// <param name="originalId">The execution a replay runs again (recorded as the new one's originalId).</param>
    public async Task<IngestResult> IngestAsync(WebhookInput input, string trigger, CancellationToken ct, string? originalId = null)
    {
        // The span ends once the group-commit writer has committed this call (webhook -> commit).
        using var activity = CampaignTelemetry.Source.StartActivity("webhook ingest");
        activity?.SetTag("christmas.handler", input.Handler.Name);
        var mode = await testingMode.IsEnabledAsync(ct) ? SequenceMode.Testing : SequenceMode.Production;
        var erasedKey = await erased.KeyAsync(input.Email, ct);
        var result = await writer.RunAsync((batch, token) => ApplyAsync(batch, input, erasedKey, trigger, originalId, mode, token), ct);
        activity?.SetTag("christmas.execution.id", result.ExecutionId);
        activity?.SetTag("christmas.deduplicated", result.Deduplicated);
        if (result.FirstDueAt is { } due) dispatchSignal.WakeIfEarlier(due);
        return result;
    }

    private async Task<IngestResult> ApplyAsync(WriteBatch batch, WebhookInput input, string erasedKey, string trigger, string? originalId,
        SequenceMode mode, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var suppressed = await store.FindSuppressionAsync(batch, input.Email, erasedKey, ct);
        if (suppressed is { Reason: SuppressionReason.Erased }) return await ErasedAsync(batch, input, trigger, originalId, now, ct);
        var execution = new Execution(ExecutionIds.New(now), input.Handler.Name, trigger, input.ReceivedAt, input.PayloadJson, input.Email, originalId);
        if (originalId is not null) execution.Info(now, $"Replay of execution {originalId}.");
        foreach (var warning in input.Warnings) execution.Warn(now, warning);

        Segment? segment = input.HasAssessment
            ? segmentRule.Classify(input.Counts["red_systems"], input.Counts["orange_systems"])
            : null;
        var (contactId, created, zone) = await store.UpsertContactAsync(batch, input, segment, now, ct,
            suppressed is { } entry ? SuppressionList.StatusFor(entry.Reason) : null);
        await store.AppendChangeAsync(batch, ChangeEntity.Contact, contactId, now, ct);
        execution.Info(now, created ? "Contact created." : "Contact updated with the latest data.");

        long? sequenceId = null;
        DateTime? firstDue = null;
        var deduplicated = false;
        string? withheld = null;
        if (suppressed is { } listed && input.Handler.Starts is not null)
        {
            // Still recorded and answered 200: the website cannot act on a refusal, and the data stays useful.
            var since = listed.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            withheld = $"{input.Email} is on the suppression list ({listed.Reason.ToApiName()} since {since}): no sequence started.";
            execution.Warn(now, withheld);
        }
        else if (SequencePlan.For(input, sequences, mode, now, options.Value.OverdueGrace,
                     await PlacementAsync(batch, input, contactId, created, zone, mode, ct)) is { } plan)
        {
            var (definition, key, steps) = plan;
            var cap = webhookOptions.Value.MaxActiveSequencesPerContact;
            if (!created && await store.CountOtherActiveAsync(batch, contactId, definition.Kind, key, ct) >= cap)
            {
                execution.Warn(now, $"{input.Email} already has {cap} active {definition.Name} sequences (Webhooks:MaxActiveSequencesPerContact): no sequence started.");
                execution.Finish(time.GetUtcNow().UtcDateTime, null, false);
                await store.InsertExecutionAsync(batch, execution, ct);
                return new IngestResult(execution.Id, execution.FlowId, null, false, execution.Warnings.ToList(), null);
            }
            var sequence = new Sequence(contactId, definition.Kind, mode, key, input.AnchorAt, now, input.PayloadJson, execution.Id, steps);
            sequenceId = await store.TryInsertSequenceAsync(batch, sequence, ct);
            if (sequenceId is null)
            {
                deduplicated = true;
                sequenceId = await store.UpdatePayloadAsync(batch, contactId, key, input.PayloadJson, ct);
                execution.Info(now, $"A {definition.Name} sequence ({sequenceId}) already exists for this contact: no new sequence; later emails use the updated data.");
            }
            else
            {
                await store.AppendChangeAsync(batch, ChangeEntity.Sequence, sequenceId.Value, now, ct);
                if (!created) await EndSupersededAsync(batch.Db, contactId, definition, execution, now, ct);
                firstDue = steps.Where(s => s.Status == StepStatus.Scheduled).Select(s => (DateTime?)s.NotBefore).Min();
                LogPlan(execution, definition, mode, steps, now);
                if (NothingToSend.Warning(steps, input.AnchorAt, now, options.Value.OverdueGrace, rules.OfferEndsAt) is { } nothing)
                    execution.Warn(now, nothing);
            }
        }
        else if (input.Handler.Starts is null)
        {
            execution.Info(now, "Signup recorded; this handler sends no email.");
        }

        execution.Finish(time.GetUtcNow().UtcDateTime, sequenceId, deduplicated);
        await store.InsertExecutionAsync(batch, execution, ct);
        return new IngestResult(execution.Id, execution.FlowId, sequenceId, deduplicated, execution.Warnings.ToList(), firstDue)
            { PublicWarnings = execution.Warnings.Where(w => w != withheld).ToList() };
    }

    /// <summary>
    /// A call about a person erased on request: answered like any other (the website cannot act on a refusal)
    /// and counted as an execution, but nothing of the person is stored and nothing starts.
    /// </summary>
    private async Task<IngestResult> ErasedAsync(WriteBatch batch, WebhookInput input, string trigger, string? originalId, DateTime now, CancellationToken ct)
    {
        var execution = new Execution(ExecutionIds.New(now), input.Handler.Name, trigger, input.ReceivedAt, ErasedPayload, contactEmail: null, originalId);
        execution.Warn(now, "This address was erased on request: nothing about it is stored and no email is sent to it.");
        execution.Finish(time.GetUtcNow().UtcDateTime, sequenceId: null, deduplicated: false);
        await store.InsertExecutionAsync(batch, execution, ct);
        return new IngestResult(execution.Id, execution.FlowId, null, false, execution.Warnings.ToList(), null) { PublicWarnings = [] };
    }

    /// <summary>The send rules' input; the contact's other emails are read only when the gap applies to an existing contact.</summary>
    private async Task<Placement> PlacementAsync(WriteBatch batch, WebhookInput input, long contactId, bool created, string? zone, SequenceMode mode, CancellationToken ct)
    {
        var others = rules.MinimumGap is null || created || mode == SequenceMode.Testing || input.Handler.Starts is null
            ? []
            : await store.OtherEmailTimesAsync(batch, contactId, ct);
        return new Placement(rules, zone, others);
    }

    /// <summary>Exit rules (rare: postcall and onboarding only), through the entities on the batch's transaction.</summary>
    private static async Task EndSupersededAsync(CampaignDbContext db, long contactId, SequenceDefinition definition,
        Execution execution, DateTime now, CancellationToken ct)
    {
        if (definition.Ends.Count == 0) return;
        foreach (var ending in definition.Ends)
        {
            var active = await db.Sequences.Include(s => s.Steps)
                .Where(s => s.ContactId == contactId && s.Kind == ending.Kind && s.Status == SequenceStatus.Active)
                .ToListAsync(ct);
            foreach (var other in active.Where(o => o.End(ending.Reason, now)))
                execution.Info(now, $"Ended {ending.Kind.ToApiName()} sequence {other.Id}: {ending.Reason}.");
        }
        await db.SaveChangesAsync(ct);
    }

    private static void LogPlan(Execution execution, SequenceDefinition definition, SequenceMode mode, List<Step> steps, DateTime now)
    {
        execution.Info(now, $"Started the {definition.Name} sequence in {mode.ToApiName()} mode.");
        foreach (var step in steps)
        {
            var due = step.DueAt.ToString("O", CultureInfo.InvariantCulture);
            execution.Info(now, step.Status switch
            {
                StepStatus.Sent => $"Email #{step.Number} ({step.TemplateKey}) recorded as sent by the website at {due}.",
                StepStatus.Skipped => $"Email #{step.Number} ({step.TemplateKey}) skipped: {step.LastError}.",
                _ when step.SendAtReason is { } why =>
                    $"Email #{step.Number} ({step.TemplateKey}) due {due}, goes at {step.SendAt.ToString("O", CultureInfo.InvariantCulture)}: {why}.",
                _ => $"Email #{step.Number} ({step.TemplateKey}) scheduled for {due}.",
            });
        }
    }
}

using System.Globalization;
using Christmas.Core.Campaign.Engine;
using Christmas.Core.Campaign.Live;
using Christmas.Core.Changes;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Contacts.Consent;
using Christmas.Core.Executions;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Christmas.Core.Suppressions;
using Christmas.Core.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Webhooks;

/// <summary>
/// The webhook use case: upsert the contact, apply exit rules, start (or deduplicate) the sequence
/// and record the execution, all in one committed unit of the group-commit writer.
/// </summary>
public sealed class WebhookIngestor(
    GroupCommitWriter writer,
    IngestStore store,
    PublishedCampaign campaign,
    CampaignEngine engine,
    TestingModeStore testingMode,
    DispatchSignal dispatchSignal,
    IOptions<WebhookOptions> webhookOptions,
    Privacy.ErasedAddresses erased,
    Persistence.Dialects.SqlDialect dialect,
    ILogger<WebhookIngestor> logger,
    TimeProvider time)
{
    // A lost race for a new address is run again: the second run finds the contact the other call stored.
    private const int Attempts = 3;

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
        var live = await campaign.CurrentAsync(ct);
        var result = await RunAsync(live, input, erasedKey, trigger, originalId, mode, ct);
        activity?.SetTag("christmas.execution.id", result.ExecutionId);
        activity?.SetTag("christmas.deduplicated", result.Deduplicated);
        if (result.FirstDueAt is { } due) dispatchSignal.WakeIfEarlier(due);
        return result;
    }

    /// <summary>
    /// The unit on the writer. Two calls for one new address may each insert it: on two instances, or on two
    /// of PostgreSQL's writer lanes (an import chunk beside a webhook). The one that loses the unique key (or
    /// is a deadlock's victim) is rolled back whole and run again, and then updates the contact the other
    /// stored, instead of answering 503.
    /// </summary>
    private async Task<IngestResult> RunAsync(LiveCampaign live, WebhookInput input, string erasedKey, string trigger, string? originalId,
        SequenceMode mode, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await writer.RunAsync((batch, token) => ApplyAsync(batch, live, input, erasedKey, trigger, originalId, mode, token), input.Email, ct);
            }
            catch (Exception ex) when (attempt < Attempts && dialect.LostARace(ex))
            {
                logger.LogInformation("The {Handler} call met another call for the same address in the database ({Cause}); running it again",
                    input.Handler.Name, StorageFault.Describe(ex));
            }
        }
    }

    /// <summary>The shell around <see cref="CampaignEngine"/>: load the contact's state, ask the engine, store its answer.</summary>
    private async Task<IngestResult> ApplyAsync(WriteBatch batch, LiveCampaign live, WebhookInput input, string erasedKey, string trigger,
        string? originalId, SequenceMode mode, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var state = await store.LoadAsync(batch, input.Email, erasedKey, ct);
        var suppressed = state.Suppression;
        if (suppressed is { Reason: SuppressionReason.Erased }) return await ErasedAsync(batch, input, trigger, originalId, now, ct);
        Listing? listed = suppressed is { } entry ? new Listing(entry.Reason, entry.Since) : null;
        var execution = new Execution(ExecutionIds.New(now), input.Handler.Name, trigger, input.ReceivedAt, input.PayloadJson, input.Email, originalId);
        if (originalId is not null) execution.Info(now, $"Replay of execution {originalId}.");
        foreach (var warning in input.Warnings) execution.Warn(now, warning);

        var contact = state.Contact;
        var created = contact is null;
        contact ??= new Contact(input.Email, "", now);
        engine.ApplyCall(contact, input, created, listed, now);
        var contactId = await store.SaveContactAsync(batch, contact, created, state.NextIds?.Contact, ct);
        await store.AppendChangeAsync(batch, ChangeEntity.Contact, contactId, now, ct);
        if (created || input.Text(WebhookConsentFields.Text) is not null)
            await store.RecordConsentAsync(batch, contactId, WebhookConsent.From(input, trigger, execution.Id), ct);
        execution.Info(now, created ? "Contact created." : "Contact updated with the latest data.");

        var others = engine.NeedsOtherEmails(input, created, mode) ? await store.OtherEmailTimesAsync(batch, contactId, ct) : [];
        var start = engine.Start(live, input, mode, listed, contact.TimeZone, others, now);
        if (start.Warning is { } warn) execution.Warn(now, warn);
        if (start.Info is { } info) execution.Info(now, info);

        long? sequenceId = null;
        DateTime? firstDue = null;
        var deduplicated = false;
        // Said to the operators only: the website's answer must not reveal who is on the list.
        var withheld = listed is not null ? start.Warning : null;
        if (start.Plan is { } plan)
        {
            var cap = webhookOptions.Value.MaxActiveSequencesPerContact;
            if (!created && await store.CountOtherActiveAsync(batch, contactId, plan.Definition.Name, plan.DedupeKey, ct) >= cap)
            {
                execution.Warn(now, $"{input.Email} already has {cap} active {plan.Definition.Name} sequences (Webhooks:MaxActiveSequencesPerContact): no sequence started.");
                execution.Finish(time.GetUtcNow().UtcDateTime, null, false);
                await store.InsertExecutionAsync(batch, execution, ct);
                return new IngestResult(execution.Id, execution.FlowId, null, false, execution.Warnings.ToList(), null);
            }
            var sequence = CampaignEngine.NewSequence(contactId, plan, input, mode, now, execution.Id, live.Revision);
            sequenceId = await store.TryInsertSequenceAsync(batch, sequence, state.NextIds?.Sequence, newContact: created, ct);
            if (sequenceId is null && CampaignEngine.Replaces(plan, SequenceStatus.Skipped) && await store.RetireSkippedAsync(batch, contactId, plan.DedupeKey, ct))
            {
                execution.Info(now, $"The {plan.Definition.Name} sequence this call repeats sent nothing (skipped): a new one starts.");
                sequenceId = await store.TryInsertSequenceAsync(batch, sequence, state.NextIds?.Sequence, newContact: false, ct);
            }
            if (sequenceId is null)
            {
                deduplicated = true;
                sequenceId = await store.UpdatePayloadAsync(batch, contactId, plan.DedupeKey, input.PayloadJson, ct);
                execution.Info(now, CampaignEngine.Deduplicated(plan.Definition.Name, sequenceId));
            }
            else
            {
                await store.AppendChangeAsync(batch, ChangeEntity.Sequence, sequenceId.Value, now, ct);
                if (!created) await EndSupersededAsync(batch, contactId, plan.Definition, execution, now, ct);
                firstDue = plan.Steps.Where(s => s.Status == StepStatus.Scheduled).Select(s => (DateTime?)s.NotBefore).Min();
                foreach (var line in CampaignEngine.PlanLog(plan.Definition, mode, plan.Steps)) execution.Info(now, line);
                if (start.NothingSent is { } nothing) execution.Warn(now, nothing);
            }
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

    /// <summary>Exit rules (rare: postcall and onboarding only): the contact's sequences they name, read through the entities on the batch's transaction.</summary>
    private static async Task EndSupersededAsync(WriteBatch batch, long contactId, SequenceDefinition definition,
        Execution execution, DateTime now, CancellationToken ct)
    {
        if (definition.Ends.Count == 0) return;
        await batch.FlushAsync(ct); // EF's statements do not go through the batch's held writes
        var db = batch.Db;
        var names = definition.Ends.Select(e => e.Sequence).ToList();
        var active = await db.Sequences.Include(s => s.Steps)
            .Where(s => s.ContactId == contactId && names.Contains(s.Kind) && s.Status == SequenceStatus.Active)
            .ToListAsync(ct);
        foreach (var ended in CampaignEngine.EndSuperseded(definition, active, now))
            execution.Info(now, $"Ended {ended.Sequence.Kind} sequence {ended.Sequence.Id}: {ended.Reason}.");
        await db.SaveChangesAsync(ct);
    }
}

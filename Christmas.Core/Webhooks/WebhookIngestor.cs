using System.Globalization;
using Christmas.Core.Campaign;
using Christmas.Core.Contacts;
using Christmas.Core.Executions;
using Christmas.Core.Persistence;
using Christmas.Core.Scheduling;
using Christmas.Core.Sequences;
using Christmas.Core.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Webhooks;

/// <summary>
/// The webhook use case: upsert the contact, apply exit rules, start (or deduplicate) the sequence
/// and record the execution, all in one committed unit of the group-commit writer.
/// </summary>
public sealed class WebhookIngestor(
    GroupCommitWriter writer,
    SequenceCatalog sequences,
    ContactFieldsUpdater contactUpdater,
    TestingModeStore testingMode,
    DispatchSignal dispatchSignal,
    IOptions<CampaignOptions> options,
    TimeProvider time)
{
    /// <param name="trigger">"webhook", or "manual:&lt;who&gt;" for the operators' trigger.</param>
    public async Task<IngestResult> IngestAsync(WebhookInput input, string trigger, CancellationToken ct)
    {
        var mode = await testingMode.IsEnabledAsync(ct) ? SequenceMode.Testing : SequenceMode.Production;
        var result = await writer.RunAsync((db, token) => ApplyAsync(db, input, trigger, mode, token), ct);
        if (result.SequenceId is not null && !result.Deduplicated) dispatchSignal.Wake();
        return result;
    }

    private async Task<IngestResult> ApplyAsync(CampaignDbContext db, WebhookInput input, string trigger, SequenceMode mode, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var execution = new Execution(ExecutionIds.New(), input.Handler.Name, trigger, input.ReceivedAt, input.PayloadJson, input.Email);
        db.Executions.Add(execution);
        foreach (var warning in input.Warnings) execution.Warn(now, warning);

        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Email == input.Email, ct);
        if (contact is null)
        {
            contact = new Contact(input.Email, input.Text("first_name") ?? "", now);
            db.Contacts.Add(contact);
            execution.Info(now, "Contact created.");
        }
        else
        {
            execution.Info(now, "Contact updated with the latest data.");
        }
        contactUpdater.Apply(contact, input, now);

        Sequence? sequence = null;
        var deduplicated = false;
        if (input.Handler.Starts is { } kind && !input.SequenceBlocked)
        {
            var definition = sequences.Get(kind);
            var key = definition.DedupeKey(input.Email, input.Texts);
            sequence = await db.Sequences.FirstOrDefaultAsync(s => s.DedupeKey == key, ct);
            if (sequence is not null)
            {
                deduplicated = true;
                sequence.UpdatePayload(input.PayloadJson);
                execution.Info(now, $"A {definition.Name} sequence ({sequence.Id}) already exists for this contact: no new sequence; later emails use the updated data.");
            }
            else
            {
                await EndSupersededAsync(db, contact, definition, execution, now, ct);
                var steps = StepPlanner.Plan(definition, mode, input.AnchorAt, now, options.Value.OverdueGrace, input.WebsiteStatus);
                sequence = new Sequence(contact, kind, mode, key, input.AnchorAt, now, input.PayloadJson, execution.Id, steps);
                db.Sequences.Add(sequence);
                LogPlan(execution, definition, mode, steps, now);
            }
        }
        else if (input.Handler.Starts is null)
        {
            execution.Info(now, "Signup recorded; this handler sends no email.");
        }

        execution.Finish(time.GetUtcNow().UtcDateTime, sequence, deduplicated);
        await db.SaveChangesAsync(ct);
        return new IngestResult(execution.Id, execution.FlowId, sequence?.Id, deduplicated, execution.Warnings.ToList());
    }

    private static async Task EndSupersededAsync(CampaignDbContext db, Contact contact, SequenceDefinition definition,
        Execution execution, DateTime now, CancellationToken ct)
    {
        if (contact.Id == 0 || definition.Ends.Count == 0) return;
        foreach (var ending in definition.Ends)
        {
            var active = await db.Sequences.Include(s => s.Steps)
                .Where(s => s.ContactId == contact.Id && s.Kind == ending.Kind && s.Status == SequenceStatus.Active)
                .ToListAsync(ct);
            foreach (var other in active.Where(o => o.End(ending.Reason, now)))
                execution.Info(now, $"Ended {ending.Kind.ToString().ToLowerInvariant()} sequence {other.Id}: {ending.Reason}.");
        }
    }

    private static void LogPlan(Execution execution, SequenceDefinition definition, SequenceMode mode, List<Step> steps, DateTime now)
    {
        execution.Info(now, $"Started the {definition.Name} sequence in {mode.ToString().ToLowerInvariant()} mode.");
        foreach (var step in steps)
        {
            var due = step.DueAt.ToString("O", CultureInfo.InvariantCulture);
            execution.Info(now, step.Status switch
            {
                StepStatus.Sent => $"Email #{step.Number} ({step.TemplateKey}) recorded as sent by the website at {due}.",
                StepStatus.Skipped => $"Email #{step.Number} ({step.TemplateKey}) skipped: {step.LastError}.",
                _ => $"Email #{step.Number} ({step.TemplateKey}) scheduled for {due}.",
            });
        }
    }
}

using System.Globalization;
using Christmas.Core.Campaign;
using Christmas.Core.Common;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery;
using Christmas.Core.Sequences;
using Christmas.Core.SendRules;
using Christmas.Core.Settings;
using Christmas.Core.Suppressions;
using Christmas.Core.Templates;
using Christmas.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Simulation;

/// <summary>
/// The campaign played forward on virtual time, writing and sending nothing. Calls go through the
/// ingest's own pieces (the validator's input, the segment rule, <see cref="SequencePlan"/> with the send
/// rules' <see cref="Placement"/>, dedupe keys, the definitions' exit rules, the suppression list); due steps
/// through the send job's (<see cref="SendGate"/>, the step's own state changes, template choice,
/// variables and renderer). Entities are read untracked and changed only in memory.
/// </summary>
public sealed class CampaignSimulator(
    SimulationLoader loader,
    SequenceCatalog catalog,
    SegmentRule segmentRule,
    TestingModeStore testingMode,
    SendRuleSet configuredRules,
    TemplateStore templates,
    TemplateRenderer renderer,
    EmailVariables variables,
    SenderReadiness readiness,
    IOptions<CampaignOptions> options)
{
    public async Task<SimulationResult> RunAsync(SimulationRequest request, CancellationToken ct)
    {
        var o = options.Value;
        var rules = request.Overrides.Any ? new SendRuleSet(Options.Create(request.Overrides.Apply(o))) : configuredRules;
        var mode = (request.TestingMode ?? await testingMode.IsEnabledAsync(ct)) ? SequenceMode.Testing : SequenceMode.Production;
        var mail = new SimulatedMail(templates, renderer, variables, rules, $"{o.PublicBaseUrl.TrimEnd('/')}/u/simulation");
        var run = new Run(rules, mode, o.OverdueGrace, mail);
        if (request.Calls.Count > 0)
            await PlayAsync(run, await loader.LoadContactsAsync(request.Calls.Select(c => c.Input.Email).ToList(), ct), request, ct);
        else
            // Without calls no contact affects another: each page is played alone and dropped, so memory holds one page.
            await foreach (var page in loader.ActivePagesAsync(ct)) await PlayAsync(run, page, request, ct);
        return Result(run, request);
    }

    /// <summary>The contacts' stored steps and the request's calls, in time order on a clock of their own.</summary>
    private async Task PlayAsync(Run run, Dictionary<string, SimulatedContact> people, SimulationRequest request, CancellationToken ct)
    {
        var clock = new SimulationClock(request.Start, request.End);
        (run.People, run.Clock) = (people, clock);
        foreach (var person in people.Values)
        {
            if (request.Overrides.MovesSteps) PlaceAgain(person, run.Rules, request.Start);
            foreach (var sequence in person.Sequences.Where(s => s.Status == SequenceStatus.Active))
            {
                run.SequencesPlayed++;
                foreach (var step in sequence.Steps.Where(s => s.Status == StepStatus.Scheduled))
                    clock.Add(new StepDue(person, sequence, step), request.Start);
            }
        }
        foreach (var call in request.Calls) clock.Add(call);

        while (clock.TryNext(out var next, out var at))
        {
            ct.ThrowIfCancellationRequested();
            if (next is CallArrives arrives) Receive(run, arrives.Call, at);
            else if (next is StepDue due) await SendAsync(run, due, at, ct);
        }
        run.Contacts += people.Values.Count(p => p.Exists);
        run.Later += clock.Later;
    }

    /// <summary>
    /// With a window or gap to try, stored pending steps are placed again from their planned time, as if
    /// the rule had been on when they were planned (the real app keeps the time it planned with).
    /// </summary>
    private static void PlaceAgain(SimulatedContact person, SendRuleSet rules, DateTime now)
    {
        var others = person.Sequences.SelectMany(s => s.Steps).Where(s => s.Status is StepStatus.Sent or StepStatus.Sending)
            .Select(s => s.SentAt ?? s.SendAt).ToList();
        var pending = person.Sequences.Where(s => s.Status == SequenceStatus.Active)
            .SelectMany(q => q.Steps.Where(s => s.Status == StepStatus.Scheduled && !s.ManualSend && s.Attempts == 0).Select(s => (q, s)))
            .OrderBy(p => p.s.DueAt);
        foreach (var (sequence, step) in pending)
        {
            var (sendAt, reason) = rules.Place(step.DueAt, sequence.Mode, person.Contact.TimeZone, others, now);
            step.Reschedule(step.DueAt, sendAt, reason);
            others.Add(sendAt);
        }
    }

    /// <summary>A webhook call, as <see cref="WebhookIngestor"/> applies it (upsert, suppression, plan, dedupe, exits).</summary>
    private void Receive(Run run, SimulatedCall call, DateTime at)
    {
        var input = call.Input;
        var kind = input.Handler.Starts;
        Segment? segment = input.HasAssessment ? segmentRule.Classify(input.Counts["red_systems"], input.Counts["orange_systems"]) : null;
        if (!run.People.TryGetValue(input.Email, out var person))
            run.People[input.Email] = person = new SimulatedContact(new Contact(input.Email, "", at), stored: false, listed: null);
        var created = !person.Exists;
        person.Contact.ApplyWebhook(input, segment, at);
        if (created && person.Listed is { } entry) person.Contact.Suppress(SuppressionList.StatusFor(entry.Reason), at);
        person.Exists = true;
        if (kind is null) return;

        var name = kind.Value.ToApiName();
        if (person.Listed is { } listed)
        {
            var since = listed.Since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            run.Skip(input.Email, name, null, at, $"on the suppression list ({listed.Reason.ToApiName()} since {since}): no sequence started");
            return;
        }
        var others = run.Rules.MinimumGap is null || created || run.Mode == SequenceMode.Testing ? [] : person.OtherEmailTimes();
        var plan = SequencePlan.For(input, catalog, run.Mode, at, run.OverdueGrace, new Placement(run.Rules, person.Contact.TimeZone, others));
        if (plan is null)
        {
            run.Skip(input.Email, name, null, at, input.Warnings.LastOrDefault(w => w.Contains("no sequence")) ?? "no sequence started");
            return;
        }
        if (person.Sequences.FirstOrDefault(s => s.DedupeKey == plan.DedupeKey) is { } existing)
        {
            run.Payloads[existing] = input.PayloadJson;
            run.Skip(input.Email, name, null, at, $"deduplicated: a {name} sequence already exists for this contact (its later emails use this call's data)");
            return;
        }

        var sequence = new Sequence(person.Contact.Id, plan.Definition.Kind, run.Mode, plan.DedupeKey, input.AnchorAt, at, input.PayloadJson,
            $"simulation-{call.Index}", plan.Steps);
        if (!created) EndSuperseded(run, person, plan.Definition, at);
        person.Sequences.Add(sequence);
        run.SequencesPlayed++;
        foreach (var step in plan.Steps)
        {
            if (step.Status == StepStatus.Skipped) run.Skip(input.Email, name, step.Number, at, step.LastError ?? "skipped");
            else if (step.Status == StepStatus.Scheduled) run.Clock.Add(new StepDue(person, sequence, step), at);
        }
    }

    /// <summary>The definition's exit rules: the contact's active sequences of those kinds end, their pending emails cancelled.</summary>
    private static void EndSuperseded(Run run, SimulatedContact person, SequenceDefinition definition, DateTime at)
    {
        foreach (var ending in definition.Ends)
            foreach (var other in person.Sequences.Where(s => s.Kind == ending.Kind && s.Status == SequenceStatus.Active))
            {
                var pending = other.Steps.Where(s => s.Status == StepStatus.Scheduled).ToList();
                if (!other.End(ending.Reason, at)) continue;
                foreach (var step in pending.Where(s => s.Status == StepStatus.Cancelled))
                    run.Skip(person.Contact.Email, other.Kind.ToApiName(), step.Number, at, ending.Reason);
            }
    }

    /// <summary>A due step, as <see cref="Scheduling.SendStepJob"/> handles it, the provider always accepting.</summary>
    private static async Task SendAsync(Run run, StepDue due, DateTime at, CancellationToken ct)
    {
        var (person, sequence, step) = due;
        // Ended meanwhile (an exit rule): its cancellation was recorded then.
        if (step.Status != StepStatus.Scheduled) return;
        step.BeginSending(at);
        var contact = person.Contact;
        var email = contact.Email;
        var kind = sequence.Kind.ToApiName();
        var listed = contact.IsSuppressed || person.Listed is not { } entry ? null : SuppressionList.EndedReason(entry.Reason);
        if (SendGate.Check(run.Rules, contact, listed, sequence, step, at) is { } stop)
        {
            if (stop.Skip) step.SkipAtSend(stop.Reason);
            else step.Abandon(stop.Reason);
            run.Skip(email, kind, step.Number, at, stop.Reason);
        }
        else
        {
            var payload = run.Payloads.GetValueOrDefault(sequence) ?? sequence.PayloadJson;
            var (subject, templateKey, error) = await run.Mail.RenderAsync(step.TemplateKey, contact, payload, at, ct);
            if (subject is null)
            {
                step.MarkAttemptFailed(error ?? "not rendered", retryAt: null);
                run.Skip(email, kind, step.Number, at, $"failed: {error}");
            }
            else
            {
                step.MarkSent(at, "simulation");
                run.Sends.Add(new SimulatedSend(email, kind, step.Number, at, subject, templateKey));
            }
        }
        sequence.CompleteIfDone(at);
    }

    private SimulationResult Result(Run run, SimulationRequest request)
    {
        var rules = run.Rules;
        var warnings = new List<string>();
        if (readiness.HeldReason() is { } held)
            warnings.Add($"Sends are held right now ({held}); the simulation shows what goes out once they are released.");
        var gap = rules.MinimumGap?.ToString("c", CultureInfo.InvariantCulture);
        // Pages were played one after another: one timeline again (stable, so a page's order of equal times stays).
        var sends = run.Sends.OrderBy(s => s.SendAt).ToList();
        var skipped = run.Skipped.OrderBy(s => s.At).ToList();
        return new SimulationResult(request.Start, request.End, run.Mode.ToApiName(),
            new SimulationRules(rules.Quiet?.ToString(), gap, rules.OfferEndsAt, rules.DefaultZone.Id),
            run.Contacts, run.SequencesPlayed, sends, skipped, SimulationCalendar.Days(sends, request.Start, request.End, rules.DefaultZone),
            run.Later, warnings);
    }

    /// <summary>One simulation's rules and findings; <see cref="People"/> and <see cref="Clock"/> are those of the part being played.</summary>
    private sealed class Run(SendRuleSet rules, SequenceMode mode, TimeSpan overdueGrace, SimulatedMail mail)
    {
        public SendRuleSet Rules { get; } = rules;
        public SequenceMode Mode { get; } = mode;
        public TimeSpan OverdueGrace { get; } = overdueGrace;
        public SimulatedMail Mail { get; } = mail;
        public Dictionary<string, SimulatedContact> People { get; set; } = [];
        public SimulationClock Clock { get; set; } = null!;
        /// <summary>A repeat call's latest body: the existing sequence's later emails render with it (the ingest updates the stored payload).</summary>
        public Dictionary<Sequence, string> Payloads { get; } = [];
        public List<SimulatedSend> Sends { get; } = [];
        public List<SimulatedSkip> Skipped { get; } = [];
        /// <summary>Sequences active at the start or started by a call.</summary>
        public int SequencesPlayed { get; set; }
        public int Contacts { get; set; }
        public int Later { get; set; }

        public void Skip(string email, string sequence, int? number, DateTime at, string reason) =>
            Skipped.Add(new SimulatedSkip(email, sequence, number, at, reason));
    }
}

using System.Globalization;
using Christmas.Core.Campaign;
using Christmas.Core.Campaign.Engine;
using Christmas.Core.Campaign.Live;
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
/// The campaign played forward on virtual time, writing and sending nothing: a shell around
/// <see cref="CampaignEngine"/>, like the ingest and the send job. Calls go through the engine's
/// <see cref="CampaignEngine.ApplyCall"/>, <see cref="CampaignEngine.Start"/> and exit rules; due steps through
/// <see cref="CampaignEngine.BeforeSend"/> and the send job's template choice, variables and renderer.
/// Entities are read untracked and changed only in memory. The definition is the published one, or the draft.
/// </summary>
public sealed class CampaignSimulator(
    SimulationLoader loader,
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
        var run = new Run(new CampaignEngine(rules, segmentRule, o.OverdueGrace), request.Campaign, mode, mail);
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

    /// <summary>A webhook call, through the engine as <see cref="WebhookIngestor"/> applies it (upsert, suppression, plan, dedupe, exits).</summary>
    private static void Receive(Run run, SimulatedCall call, DateTime at)
    {
        var input = call.Input;
        if (!run.People.TryGetValue(input.Email, out var person))
            run.People[input.Email] = person = new SimulatedContact(new Contact(input.Email, "", at), stored: false, listed: null);
        var created = !person.Exists;
        Listing? listed = person.Listed is { } entry ? new Listing(entry.Reason, entry.Since) : null;
        run.Engine.ApplyCall(person.Contact, input, created, listed, at);
        person.Exists = true;
        if (input.Handler.Starts is not { } name) return;

        var others = run.Engine.NeedsOtherEmails(input, created, run.Mode) ? person.OtherEmailTimes() : [];
        var start = run.Engine.Start(run.Campaign, input, run.Mode, listed, person.Contact.TimeZone, others, at);
        if (start.Plan is not { } plan)
        {
            run.Skip(input.Email, name, null, at, start.Warning ?? input.Warnings.LastOrDefault(w => w.Contains("no sequence")) ?? "no sequence started");
            return;
        }
        // The latest with the key: one that sent nothing may have been replaced by a later call.
        if (person.Sequences.LastOrDefault(s => s.DedupeKey == plan.DedupeKey) is { } existing && !CampaignEngine.Replaces(plan, existing.Status))
        {
            run.Payloads[existing] = input.PayloadJson;
            run.Skip(input.Email, name, null, at, $"deduplicated: {CampaignEngine.Deduplicated(name, null)}");
            return;
        }

        var sequence = CampaignEngine.NewSequence(person.Contact.Id, plan, input, run.Mode, at, $"simulation-{call.Index}", run.Campaign.Revision);
        if (!created)
            foreach (var ended in CampaignEngine.EndSuperseded(plan.Definition, person.Sequences, at))
                foreach (var number in ended.CancelledSteps)
                    run.Skip(person.Contact.Email, ended.Sequence.Kind, number, at, ended.Reason);
        person.Sequences.Add(sequence);
        run.SequencesPlayed++;
        foreach (var step in plan.Steps)
        {
            if (step.Status == StepStatus.Skipped) run.Skip(input.Email, name, step.Number, at, step.LastError ?? "skipped");
            else if (step.Status == StepStatus.Scheduled) run.Clock.Add(new StepDue(person, sequence, step), at);
        }
    }

    /// <summary>A due step, through the engine as <see cref="Scheduling.SendStepJob"/> handles it, the provider always accepting.</summary>
    private static async Task SendAsync(Run run, StepDue due, DateTime at, CancellationToken ct)
    {
        var (person, sequence, step) = due;
        // Ended meanwhile (an exit rule): its cancellation was recorded then.
        if (step.Status != StepStatus.Scheduled) return;
        step.BeginSending(at);
        var contact = person.Contact;
        var email = contact.Email;
        var kind = sequence.Kind;
        var listed = contact.IsSuppressed || person.Listed is not { } entry ? null : SuppressionList.EndedReason(entry.Reason);
        if (run.Engine.BeforeSend(contact, listed, sequence, step, at) is { } stop)
            run.Skip(email, kind, step.Number, at, stop.Reason);
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
            run.Contacts, run.SequencesPlayed, sends, skipped, SimulationCalendar.Days(sends, request.Start, request.End, rules.DefaultZone,
                run.Campaign.Sequences.Select(s => s.Name).ToList()),
            run.Later, warnings);
    }

    /// <summary>One simulation's rules and findings; <see cref="People"/> and <see cref="Clock"/> are those of the part being played.</summary>
    private sealed class Run(CampaignEngine engine, LiveCampaign campaign, SequenceMode mode, SimulatedMail mail)
    {
        public CampaignEngine Engine { get; } = engine;
        public LiveCampaign Campaign { get; } = campaign;
        public SendRuleSet Rules => Engine.Rules;
        public SequenceMode Mode { get; } = mode;
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

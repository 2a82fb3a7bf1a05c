using System.Net;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Sequences;
using Christmas.Tests.Fixtures;

namespace Christmas.Tests.Core.Funnel;

/// <summary>The funnel's numbers from <c>GET /api/funnel</c> on a seeded data set with known outcomes.</summary>
public sealed class FunnelTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync();
        await _app.WithDbAsync(async db =>
        {
            var a = new Contact("a@example.com", "Ann", T0);
            var b = new Contact("b@example.com", "Bob", T0);
            var c = new Contact("c@example.com", "Cy", T0);
            var d = new Contact("d@example.com", "Di", T0);
            db.Contacts.AddRange(a, b, c, d);
            await db.SaveChangesAsync();

            // A: #2 delivered, opened and clicked; #3 bounced; later a no-show sequence (a booked call).
            db.Sequences.Add(Assessment(a.Id, T0, (2, [DeliveryStatus.Delivered, DeliveryStatus.Opened, DeliveryStatus.Clicked]), (3, [DeliveryStatus.Bounced])));
            db.Sequences.Add(Sequence(a.Id, "noshow", T0.AddDays(2)));
            // B: #2 opened without a delivery report (it counts as delivered), complained on #3; later paid.
            db.Sequences.Add(Assessment(b.Id, T0, (2, [DeliveryStatus.Opened]), (3, [DeliveryStatus.Complained])));
            db.Sequences.Add(Sequence(b.Id, "onboarding", T0.AddDays(3)));
            // C: only #1 (the website's) sent so far.
            db.Sequences.Add(Assessment(c.Id, T0, sentUpTo: 1));
            // D: paid before its assessment: not this funnel's success.
            db.Sequences.Add(Sequence(d.Id, "onboarding", T0.AddDays(-1)));
            db.Sequences.Add(Assessment(d.Id, T0, sentUpTo: 1));
            return await db.SaveChangesAsync();
        });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Sequence Assessment(long contactId, DateTime at, params (int Number, DeliveryStatus[] Events)[] outcomes) =>
        Assessment(contactId, at, 3, outcomes);

    private Sequence Assessment(long contactId, DateTime at, int sentUpTo, params (int Number, DeliveryStatus[] Events)[] outcomes)
    {
        var steps = RevisionOne.Sequence("assessment").Steps.Select(def =>
        {
            if (def.Number > sentUpTo) return Step.Scheduled(def, at.AddDays(def.Number));
            var step = Step.SentByWebsiteAt(def, at.AddDays(def.Number - 1));
            foreach (var status in outcomes.Where(o => o.Number == def.Number).SelectMany(o => o.Events)) step.RecordDelivery(status);
            if (def.Number == 3 && contactId % 2 == 0) step.RecordUnsubscribe();
            return step;
        });
        return new Sequence(contactId, "assessment", SequenceMode.Production, "assessment", at, at, "{}", "exec", steps);
    }

    private Sequence Sequence(long contactId, string kind, DateTime at) =>
        new(contactId, kind, SequenceMode.Production, kind.ToString(), at, at, "{}", "exec",
            RevisionOne.Sequence(kind).Steps.Select(def => Step.Scheduled(def, at.AddDays(def.Number))));

    [Fact]
    public async Task TheAssessmentFunnel_CountsEachStepsOutcomes_AndTheContactsWhoWentOn()
    {
        var report = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/funnel?kind=assessment"));

        Assert.Equal(("assessment", 4), (report.GetProperty("kind").GetString(), report.GetProperty("contacts").GetInt32()));
        var steps = report.GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("number").GetInt32());
        Assert.Equal([1, 2, 3, 4, 5], steps.Keys.Order());
        int N(int step, string field) => steps[step].GetProperty(field).GetInt32();
        Assert.Equal((4, 0), (N(1, "sent"), N(1, "delivered")));
        Assert.Equal((2, 2, 2, 1, 0), (N(2, "sent"), N(2, "delivered"), N(2, "opened"), N(2, "clicked"), N(2, "bounced")));
        Assert.Equal((2, 0, 1, 1), (N(3, "sent"), N(3, "delivered"), N(3, "bounced"), N(3, "complained")));
        Assert.Equal(1, N(3, "unsubscribed")); // one of A and B has an even id
        Assert.Equal(0, N(4, "sent"));
        Assert.Equal("assessment-2", steps[2].GetProperty("templateKey").GetString());

        var wentOn = report.GetProperty("wentOn").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        // The stages come from revision 1's `stage`s in order; a contact who reached a later stage passed the
        // earlier ones: B paid, so B counts as having booked and had the call too (A only booked one).
        Assert.Equal(["booked_call", "had_call", "paid"], wentOn.Keys);
        Assert.Equal((2, 0.5), (wentOn["booked_call"].GetProperty("contacts").GetInt32(), wentOn["booked_call"].GetProperty("rate").GetDouble()));
        Assert.Equal(1, wentOn["had_call"].GetProperty("contacts").GetInt32());
        Assert.Equal(1, wentOn["paid"].GetProperty("contacts").GetInt32());
    }

    [Fact]
    public async Task WithoutAKind_AllFourSequencesAnswer_AndAnUnknownKindIs400()
    {
        var all = await TestApp.JsonAsync(await _app.Api.GetAsync("/api/funnel"));
        Assert.Equal(["assessment", "noshow", "postcall", "onboarding"],
            all.GetProperty("sequences").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var noshow = all.GetProperty("sequences")[1];
        Assert.Equal(1, noshow.GetProperty("contacts").GetInt32());

        var bad = await _app.Api.GetAsync("/api/funnel?kind=webinar");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("assessment, noshow, postcall, onboarding", await bad.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/funnel")).StatusCode);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// <c>POST /api/contacts/import</c> and the consent records over real HTTP: the three modes, a dry run, bad rows named by
/// row and column, text/csv and multipart, the audit entry, and <c>consent</c> on <c>GET /api/contacts/{email}</c>.
/// </summary>
public abstract class ContactImportApiTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    private string Email(string name) => $"{name}.{_tag}@example.com";

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(settings: await database.SettingsAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<HttpResponseMessage> PostCsvAsync(string csv, string query = "") =>
        _app.Api.PostAsync("/api/contacts/import" + query, new StringContent(csv, Encoding.UTF8, "text/csv"));

    private Task<HttpResponseMessage> PostFileAsync(string csv, string fileName, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return _app.Api.PostAsync("/api/contacts/import", form);
    }

    private async Task<JsonElement> ContactAsync(string email)
    {
        var response = await _app.Api.GetAsync($"/api/contacts/{Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.JsonAsync(response);
    }

    private Task<int> SequencesAsync(string email) => _app.WithDbAsync(db => db.Sequences.CountAsync(s => s.Contact!.Email == email));

    private static (int, int, int, int, int, int) Counts(JsonElement r) =>
        (r.GetProperty("rows").GetInt32(), r.GetProperty("created").GetInt32(), r.GetProperty("updated").GetInt32(),
            r.GetProperty("skipped").GetInt32(), r.GetProperty("suppressed").GetInt32(), r.GetProperty("errors").GetArrayLength());

    [Fact]
    public async Task Upsert_CreatesAndUpdates_SkipsTheBadRowNamingRowAndColumn_StartsNoSequence_AndIsAudited()
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("bob")))).EnsureSuccessStatusCode();
        var csv = $"""
            Email,First Name,Company,Last Name,Phone,Red Systems
            {Email("ann")},Ann,Ann's Bakery,Smith,555-0100,3
            {Email("BOB")},Robert,Bob's Garage,,,
            not-an-email,Xavier,,,,
            {Email("carol")},Carol,,,,9
            {Email("dave")},Dave,,,,
            """;

        var response = await PostCsvAsync(csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await TestApp.JsonAsync(response);
        Assert.Equal((5, 2, 1, 2, 0, 2), Counts(result));
        var errors = result.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString())).ToList();
        Assert.Equal([(4, "Email"), (5, "Red Systems")], errors);
        Assert.Contains("email", result.GetProperty("errors")[0].GetProperty("message").GetString());

        var ann = await ContactAsync(Email("ann"));
        Assert.Equal(("Ann", "Ann's Bakery", 3), (ann.GetProperty("firstName").GetString(), ann.GetProperty("businessName").GetString(), ann.GetProperty("redSystems").GetInt32()));
        var bob = await ContactAsync(Email("bob"));
        Assert.Equal(("Robert", "Bob's Garage"), (bob.GetProperty("firstName").GetString(), bob.GetProperty("businessName").GetString()));
        Assert.Equal(0, await SequencesAsync(Email("ann")));
        Assert.Equal(0, await SequencesAsync(Email("dave")));
        Assert.Equal(1, await SequencesAsync(Email("bob")));
        Assert.False(await _app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == Email("carol"))));

        var consent = ann.GetProperty("consent");
        Assert.Equal("import", consent.GetProperty("source").GetString());
        Assert.Equal("request body", consent.GetProperty("file").GetString());
        Assert.Equal(2, consent.GetProperty("row").GetInt32());
        Assert.Equal("webhook", bob.GetProperty("consent").GetProperty("source").GetString());

        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "contacts.import"));
        Assert.Equal("request body", audit.Target);
        Assert.Contains("mode upsert: 5 row(s), 2 created, 1 updated, 2 skipped, 0 suppressed, 2 error(s)", audit.Detail);
    }

    [Fact]
    public async Task DryRun_CountsButWritesNothing_ThenSkipExisting_LeavesExistingContactsAlone_Multipart()
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("bob")))).EnsureSuccessStatusCode();
        var csv = $"e-mail;firstname\n{Email("erin")};Erin\n{Email("bob")};Robert\n";

        var dry = await PostFileAsync(csv, "november.csv", ("mode", "skip-existing"), ("dryRun", "true"));

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal((2, 1, 0, 1, 0, 0), Counts(await TestApp.JsonAsync(dry)));
        Assert.False(await _app.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == Email("erin"))));

        var real = await PostFileAsync(csv, "november.csv", ("mode", "skip-existing"));

        Assert.Equal((2, 1, 0, 1, 0, 0), Counts(await TestApp.JsonAsync(real)));
        Assert.Equal("Sarah", (await ContactAsync(Email("bob"))).GetProperty("firstName").GetString());
        var erin = await ContactAsync(Email("erin"));
        Assert.Equal("Erin", erin.GetProperty("firstName").GetString());
        Assert.Equal("november.csv", erin.GetProperty("consent").GetProperty("file").GetString());
        Assert.Equal(["contacts.import.dry-run", "contacts.import"],
            await _app.WithDbAsync(db => db.AuditEntries.Where(a => a.Target == "november.csv").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }

    [Fact]
    public async Task Suppress_ListsTheAddresses_EndsAContactsSequences_AndALaterWebhookStartsNothing()
    {
        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("bob")))).EnsureSuccessStatusCode();
        var csv = $"email,reason\n{Email("bob")},bounced\n{Email("frank")},\n{Email("frank")},\n";

        var response = await PostCsvAsync(csv, "?mode=suppress");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((3, 0, 0, 1, 2, 0), Counts(await TestApp.JsonAsync(response)));
        var listed = await _app.WithDbAsync(db => db.Suppressions.Where(s => s.Email == Email("bob") || s.Email == Email("frank"))
            .OrderBy(s => s.Email).Select(s => s.Reason).ToListAsync());
        Assert.Equal([SuppressionReason.Bounced, SuppressionReason.Manual], listed);
        var bob = await _app.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == Email("bob")));
        Assert.Equal(ContactStatus.Bounced, bob.Status);
        Assert.All(await _app.WithDbAsync(db => db.Sequences.Where(s => s.ContactId == bob.Id).ToListAsync()),
            s => Assert.NotEqual(SequenceStatus.Active, s.Status));

        (await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("frank")))).EnsureSuccessStatusCode();

        var frank = await _app.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == Email("frank")));
        Assert.Equal(ContactStatus.Suppressed, frank.Status);
        Assert.False(await _app.WithDbAsync(db => db.Sequences.AnyAsync(s => s.ContactId == frank.Id && s.Status == SequenceStatus.Active)));
    }

    [Fact]
    public async Task AnImport_WhileTheWebsiteCallsForTheSameNewAddresses_LosesNeitherTheRowsNorTheCalls()
    {
        // The old list imported while the site is live: people in the file fill in the form meanwhile.
        var emails = Enumerable.Range(0, 1500).Select(i => Email($"live{i}")).ToList();
        var csv = "email,first_name\n" + string.Join("\n", emails.Select(e => $"{e},Imported"));

        var import = PostCsvAsync(csv);
        var calls = emails.Where((_, i) => i % 5 == 0)
            .Select(e => _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), e))).ToList();
        var answers = await Task.WhenAll(calls);
        var imported = await import;

        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var counts = Counts(await TestApp.JsonAsync(imported));
        Assert.Equal((1500, 1500, 0, 0), (counts.Item1, counts.Item2 + counts.Item3, counts.Item4, counts.Item6));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(1500, await _app.WithDbAsync(db => db.Contacts.CountAsync(c => emails.Contains(c.Email))));
        Assert.Equal(300, await _app.WithDbAsync(db => db.Sequences.CountAsync(s => emails.Contains(s.Contact!.Email))));
    }

    [Fact]
    public async Task AFileWithoutAnEmailColumn_Is400_AndMapNamesIt()
    {
        var csv = $"Courriel,Prénom\n{Email("gina")},Gina\n";

        var missing = await PostCsvAsync(csv);
        var badMode = await PostCsvAsync(csv, "?mode=overwrite");
        var mapped = await PostCsvAsync(csv, "?map=" + Uri.EscapeDataString("Courriel:email,Prénom:first_name"));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("email", (await TestApp.JsonAsync(missing)).GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.True((await TestApp.JsonAsync(badMode)).GetProperty("errors").TryGetProperty("mode", out _));
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Equal("Gina", (await ContactAsync(Email("gina"))).GetProperty("firstName").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await PostCsvAsync("")).StatusCode);
    }

    [Fact]
    public async Task AWebhooksConsentFields_AreTheContactsConsent_FirstSourceWins_TheExportHoldsThem_AndAnErasureDeletesThem()
    {
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("hana"));
        body["consent_text"] = "Yes, email me the assessment and tips.";
        body["consent_at"] = "2026-11-30T09:15:00-05:00";
        body["consent_ip"] = "203.0.113.7";
        var first = await TestApp.JsonAsync(await _app.PostWebhookAsync("assessment-handler", body));
        body["consent_text"] = "Something else";
        (await _app.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();
        // An imported row with wording does not replace a recorded one either.
        await PostCsvAsync($"email,consent_text\n{Email("hana")},Imported wording\n");

        var consent = (await ContactAsync(Email("hana"))).GetProperty("consent");

        Assert.Equal("webhook", consent.GetProperty("source").GetString());
        Assert.Equal("assessment-handler", consent.GetProperty("handler").GetString());
        Assert.Equal(first.GetProperty("id").GetString(), consent.GetProperty("executionId").GetString());
        Assert.Equal("Yes, email me the assessment and tips.", consent.GetProperty("text").GetString());
        Assert.Equal(new DateTime(2026, 11, 30, 14, 15, 0, DateTimeKind.Utc), consent.GetProperty("at").GetDateTime().ToUniversalTime());
        Assert.Equal("203.0.113.7", consent.GetProperty("ip").GetString());
        var export = await TestApp.JsonAsync(await _app.Api.GetAsync($"/api/contacts/{Uri.EscapeDataString(Email("hana"))}/export"));
        Assert.Equal("203.0.113.7", export.GetProperty("consent").GetProperty("ip").GetString());

        // An erasure takes the record with it (its wording and IP are the person's).
        var id = await _app.WithDbAsync(db => db.Contacts.Where(c => c.Email == Email("hana")).Select(c => c.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await _app.Api.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(Email("hana"))}")).StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.ContactConsents.AnyAsync(c => c.ContactId == id)));
    }

    [Fact]
    public async Task AMarketer_ImportsContacts_ButMayNotLoadASuppressionList()
    {
        await _app.CreateUserAsync($"marketer.{_tag}@test.local", "marketer-password-1", Christmas.Core.Accounts.ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, $"marketer.{_tag}@test.local", "marketer-password-1");
        HttpContent Csv(string email) => new StringContent($"email\n{email}\n", Encoding.UTF8, "text/csv");

        var contacts = await marketer.PostAsync("/api/contacts/import", Csv(Email("jill")));
        var suppress = await marketer.PostAsync("/api/contacts/import?mode=suppress", Csv(Email("kurt")));

        Assert.Equal(HttpStatusCode.OK, contacts.StatusCode);
        Assert.Equal($"marketer.{_tag}@test.local", (await ContactAsync(Email("jill"))).GetProperty("consent").GetProperty("by").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, suppress.StatusCode);
        Assert.False(await _app.WithDbAsync(db => db.Suppressions.AnyAsync(s => s.Email == Email("kurt"))));
    }

    [Fact]
    public async Task AnImportedContactWithoutWording_TakesTheFirstWebhookThatCarriesSome()
    {
        await PostCsvAsync($"email,name\n{Email("ivan")},Ivan\n");
        var body = Fixtures.Webhooks.Assessment(DateTimeOffset.UtcNow.AddMinutes(-1), Email("ivan"));
        body["consent_text"] = "I agree to receive emails.";

        var call = await TestApp.JsonAsync(await _app.PostWebhookAsync("assessment-handler", body));

        var consent = (await ContactAsync(Email("ivan"))).GetProperty("consent");
        Assert.Equal(("webhook", "I agree to receive emails.", call.GetProperty("id").GetString()),
            (consent.GetProperty("source").GetString(), consent.GetProperty("text").GetString(), consent.GetProperty("executionId").GetString()));
    }
}

public sealed class ContactImportApiOnSqlite() : ContactImportApiTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class ContactImportApiOnPostgres(Fixtures.Postgres.PostgresServer postgres) : ContactImportApiTests(postgres);

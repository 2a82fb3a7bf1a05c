using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Christmas.Core.Accounts;
using Christmas.Core.Contacts;
using Christmas.Core.Sequences;
using Christmas.Core.Suppressions;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Christmas.Tests.Admin.Api;

/// <summary>
/// A person's export (<c>GET /api/contacts/{email}/export</c>) and erasure (<c>DELETE /api/contacts/{email}</c>) over real HTTP:
/// two people with emails sent, a delivery event, a suppression and audit entries; one of them exported or erased.
/// </summary>
public abstract class ContactPrivacyApiTests(ITestDatabase database) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8];
    private TestApp _app = null!;

    /// <summary>The person asking; the website posts her address in mixed case (stored lower-cased, kept raw in the payload).</summary>
    private string Ann => $"ann.{_tag}@example.com";
    private string AnnAsPosted => $"Ann.{_tag.ToUpperInvariant()}@Example.com";
    /// <summary>Someone else, whose data must stay out of Ann's export and untouched by her erasure.</summary>
    private string Bob => $"bob.{_tag}@example.com";

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(_clock, settings: await database.SettingsAsync(new Dictionary<string, string?>
    {
        ["Campaign:TestingMode"] = "true",
        ["Resend:WebhookSecret"] = SignedEvents.Secret,
    }));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Both people: an assessment each with email #2 sent to the Outbox, Ann's opened, re-sent by an operator and suppressed by hand.</summary>
    private async Task SeedAsync()
    {
        foreach (var email in new[] { AnnAsPosted, Bob })
        {
            var body = Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), email);
            body["first_name"] = email.StartsWith("Ann") ? "Annabel" : "Robert";
            (await _app.PostWebhookAsync("assessment-handler", body)).EnsureSuccessStatusCode();
        }
        _clock.Advance(TimeSpan.FromMinutes(1));
        var sent = await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.Steps.Where(s => s.Number == 2 && s.Status == StepStatus.Sent)
                .Select(s => new { s.Id, s.ProviderMessageId, s.Sequence!.Contact!.Email }).ToListAsync()),
            s => s.Count == 2, TimeSpan.FromSeconds(10), "email #2 sent to both");
        var annStep = sent.Single(s => s.Email == Ann);

        var opened = SignedEvents.Body("email.opened", annStep.ProviderMessageId!, _clock.GetUtcNow(), new { to = new[] { Ann } });
        (await _app.Anonymous.SendAsync(SignedEvents.Request(opened, SignedEvents.NewId(), _clock.GetUtcNow()))).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.DeliveryEvents.CountAsync(e => e.StepId == annStep.Id)), n => n == 1,
            TimeSpan.FromSeconds(10), "the open applied to Ann's email");
        (await _app.Api.PostAsync($"/api/steps/{annStep.Id}/resend", null)).EnsureSuccessStatusCode();
        _clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.WaitAsync(() => _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Ann)), n => n == 2,
            TimeSpan.FromSeconds(10), "the re-send in the Outbox");
        (await _app.Api.PostAsJsonAsync("/api/suppressions", new { email = Ann, detail = $"{Ann} asked by phone" })).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Export_HoldsEveryTablesDataOfThePerson_AndNothingOfAnother()
    {
        await SeedAsync();

        var response = await _app.Api.GetAsync($"/api/contacts/{Uri.EscapeDataString(AnnAsPosted)}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Bob, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Robert", text);
        var doc = JsonDocument.Parse(text).RootElement;
        Assert.Equal(Ann, doc.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Annabel", doc.GetProperty("contact").GetProperty("firstName").GetString());
        var steps = doc.GetProperty("sequences")[0].GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(5, steps.Count);
        Assert.Equal(Ann, steps[1].GetProperty("keptMessage").GetProperty("To").GetString());
        Assert.Equal(AnnAsPosted, doc.GetProperty("executions")[0].GetProperty("payload").GetProperty("email").GetString());
        Assert.Contains("Contact created.", doc.GetProperty("executions")[0].GetProperty("logs").EnumerateArray().Select(l => l.GetProperty("message").GetString()));
        Assert.Equal("email.opened", doc.GetProperty("deliveryEvents").EnumerateArray().Single().GetProperty("type").GetString());
        Assert.Equal("manual", doc.GetProperty("suppressions").EnumerateArray().Single().GetProperty("reason").GetString());
        Assert.Equal(2, doc.GetProperty("outboxMessages").GetArrayLength());
        Assert.All(doc.GetProperty("outboxMessages").EnumerateArray(), m => Assert.Equal(Ann, m.GetProperty("to").GetString()));
        var actions = doc.GetProperty("auditEntries").EnumerateArray().Select(a => a.GetProperty("action").GetString()).ToList();
        Assert.Contains("step.resend", actions);
        Assert.Contains("suppression.add", actions);
        Assert.Equal(0, doc.GetProperty("notionPages").GetArrayLength());

        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "contact.export"));
        Assert.Equal(("api-token", Ann), (audit.Actor, audit.Target));
    }

    [Fact]
    public async Task Erase_LeavesNoTraceOfTheAddress_InAnyTableOrFile_KeepsTheCounts_AndALaterWebhookStartsNothing()
    {
        await SeedAsync();
        var before = await CountsAsync();

        var response = await _app.Api.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(Ann)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await TestApp.JsonAsync(response);
        var key = summary.GetProperty("key").GetString()!;
        Assert.StartsWith("erased:", key);
        Assert.DoesNotContain(Ann, summary.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await CountsAsync());
        var listed = await _app.WithDbAsync(db => db.Suppressions.AsNoTracking().ToListAsync());
        Assert.Equal((SuppressionReason.Erased, key), (listed.Single(s => s.Email.StartsWith("erased:")).Reason, listed.Single(s => s.Email.StartsWith("erased:")).Email));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "contact.erase"));
        Assert.Equal(key, audit.Target);
        var sequence = await _app.WithDbAsync(db => db.Sequences.Include(s => s.Steps).SingleAsync(s => s.Contact!.ErasedAt != null));
        Assert.Equal(SequenceStatus.Cancelled, sequence.Status);
        Assert.All(sequence.Steps, s => Assert.True(s.MessageJson is null && s.Status != StepStatus.Scheduled));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Api.GetAsync($"/api/contacts/{Ann}")).StatusCode);
        await AssertNoTraceAsync();

        // A later call for the address: answered as the guide says, but nothing is stored and nothing starts.
        var later = await _app.PostWebhookAsync("assessment-handler", Fixtures.Webhooks.Assessment(_clock.GetUtcNow(), AnnAsPosted));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        var body = await TestApp.JsonAsync(later);
        Assert.Equal("SUCCESS", body.GetProperty("state").GetProperty("current").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("sequenceId").ValueKind);
        // The answer does not tell an anonymous caller the address was erased; the execution log does.
        Assert.DoesNotContain("erased", body.GetRawText());
        var logs = await _app.Api.GetStringAsync($"/api/v1/executions/{body.GetProperty("id").GetString()}/logs");
        Assert.Contains("erased on request", logs);
        Assert.Equal(before.Sequences, (await CountsAsync()).Sequences);
        Assert.Equal(before.Contacts, (await CountsAsync()).Contacts);
        _clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(1000);
        Assert.Equal(0, await _app.WithDbAsync(db => db.Steps.CountAsync(s => s.Status == StepStatus.Scheduled && s.Sequence!.Contact!.Email != Bob)));
        await AssertNoTraceAsync();
    }

    [Fact]
    public async Task Erase_IsRefusedToAMarketer_403_AndAnswers404ForAnUnknownAddress_And400ForAnInvalidOne()
    {
        (await _app.PostWebhookAsync("signup-handler", Fixtures.Webhooks.Signup(Ann))).EnsureSuccessStatusCode();
        var user = $"m.{_tag}@example.com";
        await _app.CreateUserAsync(user, "marketer-password-1", ConsoleRoles.Marketer);
        using var marketer = await ConsoleHttpSession.SignInAsync(_app, user, "marketer-password-1");

        Assert.Equal(HttpStatusCode.Forbidden, (await marketer.DeleteAsync($"/api/contacts/{Ann}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await marketer.GetAsync($"/api/contacts/{Ann}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Api.DeleteAsync($"/api/contacts/nobody.{_tag}@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Api.GetAsync($"/api/contacts/nobody.{_tag}@example.com/export")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Api.DeleteAsync("/api/contacts/not-an-email")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.DeleteAsync($"/api/contacts/{Ann}")).StatusCode);
        Assert.Equal(ContactStatus.Active, (await _app.WithDbAsync(db => db.Contacts.SingleAsync(c => c.Email == Ann))).Status);
        Assert.Equal(0, await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "contact.erase")));
    }

    private Task<(int Contacts, int Sequences, int Steps, int Executions, int Events, int Outbox)> CountsAsync() => _app.WithDbAsync(async db =>
        (await db.Contacts.CountAsync(), await db.Sequences.CountAsync(), await db.Steps.CountAsync(), await db.Executions.CountAsync(),
            await db.DeliveryEvents.CountAsync(), await db.OutboxMessages.CountAsync()));

    private Task AssertNoTraceAsync() => database is SqliteTestDatabase ? AssertNoTraceInTheFilesAsync() : AssertNoTraceInAnyTableAsync();

    /// <summary>PostgreSQL: every row of every table, as text (<c>row::text</c>), lower-cased; Bob's address is found: the search works.</summary>
    private async Task AssertNoTraceInAnyTableAsync()
    {
        var tables = await _app.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT table_name AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'").ToListAsync());
        Task<int> RowsHolding(string table, string text)
        {
            // The table names come from the catalogue just read, never from input.
            var sql = "SELECT count(*)::int AS \"Value\" FROM \"" + table + "\" x WHERE lower(x::text) LIKE {0}";
            return _app.WithDbAsync(db => db.Database.SqlQueryRaw<int>(sql, $"%{text.ToLowerInvariant()}%").SingleAsync());
        }
        Assert.Contains("Contacts", tables);
        var bob = 0;
        foreach (var table in tables)
        {
            Assert.Equal((table, 0), (table, await RowsHolding(table, Ann)));
            bob += await RowsHolding(table, Bob);
        }
        Assert.True(bob > 0);
    }

    /// <summary>
    /// The address in any case, as UTF-8 bytes, in every file of the data directory (the database, its write-ahead
    /// log, Hangfire's), after a checkpoint has moved the log into the database file. Bob's address is there: the search works.
    /// </summary>
    private async Task AssertNoTraceInTheFilesAsync()
    {
        await Eventually.WaitAsync(CheckpointAsync, busy => !busy, TimeSpan.FromSeconds(10), "a complete checkpoint");
        var files = Directory.EnumerateFiles(_app.DataDirectory, "*", SearchOption.AllDirectories)
            .Select(f => (File: f, Bytes: ReadShared(f))).ToList();
        Assert.Contains(files, f => Contains(f.Bytes, Bob));
        foreach (var form in new[] { Ann, Ann.ToUpperInvariant(), AnnAsPosted })
            foreach (var (file, bytes) in files)
                Assert.False(Contains(bytes, form), $"{Path.GetFileName(file)} still holds {form}");
    }

    /// <returns>Whether a reader kept the checkpoint from completing (then the log still holds old pages).</returns>
    private Task<bool> CheckpointAsync() => _app.WithDbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && reader.GetInt32(0) != 0;
    });

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}

public sealed class ContactPrivacyApiOnSqlite() : ContactPrivacyApiTests(new SqliteTestDatabase());

[Collection(Fixtures.Postgres.PostgresCollection.Name)]
public sealed class ContactPrivacyApiOnPostgres(Fixtures.Postgres.PostgresServer postgres) : ContactPrivacyApiTests(postgres);

using System.Data.Common;
using Christmas.Core.Changes;
using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Tests.Fixtures;
using Christmas.Tests.Fixtures.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Christmas.Tests.Core.Persistence;

/// <summary>
/// The group commit on a real database: a failing unit fails alone; the others are committed. On
/// PostgreSQL a unit's writes are held and sent at its end in one round trip, so a bad statement
/// fails there, after the unit's code has returned: the unit must still go whole, and alone.
/// </summary>
public abstract class GroupCommitWriterTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private GroupCommitWriter _writer = null!;
    private readonly IngestStore _store = new();
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    protected abstract Task<SqlDialect> DialectAsync(string directory);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var dialect = await DialectAsync(_directory);
        _services = new ServiceCollection()
            .AddPooledDbContextFactory<CampaignDbContext>(o => dialect.Configure(o))
            .BuildServiceProvider();
        await using (var db = await Contexts.CreateDbContextAsync()) await db.Database.MigrateAsync();
        _writer = new GroupCommitWriter(Contexts, dialect, NullLogger<GroupCommitWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    private IDbContextFactory<CampaignDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<CampaignDbContext>>();

    private Task<string> AddContactAsync(string email, bool fail = false) => _writer.RunAsync(async (batch, ct) =>
    {
        batch.Db.Contacts.Add(new Contact(email, "A", Now));
        await batch.Db.SaveChangesAsync(ct);
        if (fail) throw new InvalidOperationException("this unit fails after writing");
        return email;
    }, CancellationToken.None);

    /// <summary>
    /// What the webhook's unit does, through the same store: read, then the contact and its change-feed row
    /// written back (held until the unit's end on PostgreSQL). <paramref name="alsoInsert"/>: a second contact
    /// inserted after them, as new, whatever the database holds.
    /// </summary>
    private Task<long> IngestLikeAsync(string email, string? alsoInsert = null) => _writer.RunAsync(async (batch, ct) =>
    {
        var state = await _store.LoadAsync(batch, email, "no-erased-key", ct);
        var id = await _store.SaveContactAsync(batch, new Contact(email, "A", Now), created: true, state.NextIds?.Contact, ct);
        await _store.AppendChangeAsync(batch, ChangeEntity.Contact, id, Now, ct);
        if (alsoInsert is not null)
        {
            var more = await _store.LoadAsync(batch, alsoInsert, "no-erased-key", ct);
            await _store.SaveContactAsync(batch, new Contact(alsoInsert, "B", Now), created: true, more.NextIds?.Contact, ct);
        }
        return id;
    }, CancellationToken.None);

    [Fact]
    public async Task AFailingUnit_IsRolledBackAlone_WhileTheOthersInItsBatchAreCommitted()
    {
        var units = Enumerable.Range(0, 50).Select(i => AddContactAsync($"u{i}@example.com", fail: i % 10 == 3)).ToList();
        var outcomes = await Task.WhenAll(units.Select(async u => { try { await u; return true; } catch (InvalidOperationException) { return false; } }));

        Assert.Equal(45, outcomes.Count(ok => ok));
        await using var db = await Contexts.CreateDbContextAsync();
        var stored = await db.Contacts.Select(c => c.Email).ToListAsync();
        Assert.Equal(45, stored.Count);
        Assert.DoesNotContain("u3@example.com", stored);
    }

    [Fact]
    public async Task AUnitBreakingAConstraint_FailsAlone()
    {
        await AddContactAsync("dup@example.com");
        var duplicate = AddContactAsync("dup@example.com");
        var other = AddContactAsync("other@example.com");

        await Assert.ThrowsAsync<DbUpdateException>(() => duplicate);
        Assert.Equal("other@example.com", await other);
    }

    [Fact]
    public async Task WebhookUnits_WithABadOneAmongThem_CommitTheGoodOnesWhole_AndNothingOfTheBadOne()
    {
        await IngestLikeAsync("taken@example.com");

        // Every fifth breaks the unique email last, after its own contact and change row were written (or held).
        var units = Enumerable.Range(0, 40)
            .Select(i => (Email: $"w{i}@example.com", Bad: i % 5 == 2))
            .Select(u => (u.Email, u.Bad, Task: IngestLikeAsync(u.Email, u.Bad ? "taken@example.com" : null)))
            .ToList();
        foreach (var unit in units)
        {
            if (unit.Bad) await Assert.ThrowsAnyAsync<DbException>(() => unit.Task);
            else Assert.True(await unit.Task > 0);
        }

        await using var db = await Contexts.CreateDbContextAsync();
        var contacts = await db.Contacts.ToDictionaryAsync(c => c.Email, c => c.Id);
        Assert.Equal(units.Where(u => !u.Bad).Select(u => u.Email).Append("taken@example.com").Order(), contacts.Keys.Order());
        foreach (var unit in units.Where(u => !u.Bad)) Assert.Equal(await unit.Task, contacts[unit.Email]);
        // One change row per committed contact, none for a refused unit.
        var changed = await db.Changes.Where(c => c.Entity == ChangeEntity.Contact).Select(c => c.EntityId).ToListAsync();
        Assert.Equal(contacts.Values.Order(), changed.Order());
    }
}

public sealed class GroupCommitWriterOnSqlite : GroupCommitWriterTests
{
    protected override Task<SqlDialect> DialectAsync(string directory) =>
        Task.FromResult<SqlDialect>(new SqliteDialect(Path.Combine(directory, "campaign.db")));
}

[Collection(PostgresCollection.Name)]
public sealed class GroupCommitWriterOnPostgres(PostgresServer postgres) : GroupCommitWriterTests
{
    protected override async Task<SqlDialect> DialectAsync(string directory) => new PostgreSqlDialect(await postgres.NewDatabaseAsync());
}

/// <summary>
/// A writer whose connection cannot even open (here the file is gone; a server down or a BEGIN refused
/// fails the same way, before any unit runs): every caller gets the error, none waits forever.
/// </summary>
public sealed class GroupCommitWriterThatCannotOpenTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private GroupCommitWriter _writer = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "missing.db");
        // ReadWrite without Create: opening a missing file fails (SQLite: unable to open database file).
        _services = new ServiceCollection()
            .AddPooledDbContextFactory<CampaignDbContext>(o => o.UseSqlite($"Data Source={file};Mode=ReadWrite;Pooling=False"))
            .BuildServiceProvider();
        _writer = new GroupCommitWriter(_services.GetRequiredService<IDbContextFactory<CampaignDbContext>>(), new SqliteDialect(file),
            NullLogger<GroupCommitWriter>.Instance);
        await _writer.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _writer.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        TestApp.DeleteDirectory(_directory);
    }

    [Fact]
    public async Task EveryCallerOfAGroupThatCouldNotStart_GetsTheError()
    {
        var units = Enumerable.Range(0, 5).Select(i => _writer.RunAsync((batch, _) => Task.FromResult(i), CancellationToken.None)).ToList();

        foreach (var unit in units)
            await Assert.ThrowsAnyAsync<DbException>(() => unit.WaitAsync(TimeSpan.FromSeconds(30)));
    }
}

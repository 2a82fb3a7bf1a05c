using Christmas.Core.Contacts;
using Christmas.Core.Persistence;
using Christmas.Core.Persistence.Dialects;
using Christmas.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Christmas.Tests.Core.Persistence;

/// <summary>The group commit on a real SQLite file: a failing unit fails alone; the others are committed.</summary>
public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "christmas-tests", Guid.NewGuid().ToString("N"));
    private ServiceProvider _services = null!;
    private GroupCommitWriter _writer = null!;
    private SqliteDialect Dialect => new(Path.Combine(_directory, "campaign.db"));
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _services = new ServiceCollection()
            .AddPooledDbContextFactory<CampaignDbContext>(o => Dialect.Configure(o))
            .BuildServiceProvider();
        await using (var db = await Contexts.CreateDbContextAsync()) await db.Database.MigrateAsync();
        _writer = new GroupCommitWriter(Contexts, Dialect, NullLogger<GroupCommitWriter>.Instance);
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
}

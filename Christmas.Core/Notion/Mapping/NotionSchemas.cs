using Christmas.Core.Notion.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Mapping;

/// <summary>
/// The two mirrored databases as last read from Notion: each configured database id resolved to its
/// data source, its schema matched to our fields. Read at start and on demand; a database that could
/// not be read is tried again at most once a minute. Never fatal: problems are reported.
/// </summary>
public sealed class NotionSchemas(NotionClients clients, IOptions<NotionOptions> options, ILogger<NotionSchemas> logger)
{
    public const string ContactsName = "contacts";
    public const string SequenceTrackerName = "sequenceTracker";
    private static readonly TimeSpan RetryUnreadable = TimeSpan.FromMinutes(1);
    // A schema read that met Notion's own trouble (5xx, 429, a timeout) says nothing about the database: soon again.
    private static readonly TimeSpan RetryAfterOutage = TimeSpan.FromSeconds(5);
    private bool _outage;
    private readonly SemaphoreSlim _refreshing = new(1, 1);

    public DatabaseMapping? Contacts { get; private set; }
    public DatabaseMapping? SequenceTracker { get; private set; }
    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>Reads the schemas if never read, or if one was unreadable a while ago.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var since = TimeProvider.System.GetUtcNow() - CheckedAt;
        var stale = since is null
            || (since > (_outage ? RetryAfterOutage : RetryUnreadable) && !(Contacts?.Error is null && SequenceTracker?.Error is null));
        if (stale) await RefreshAsync(ct);
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            var o = options.Value;
            _outage = false;
            Contacts = await ReadAsync(ContactsName, o.ContactsDatabaseId, NotionFieldCatalog.Contacts, o.Contacts, ct);
            SequenceTracker = await ReadAsync(SequenceTrackerName, o.SequenceTrackerDatabaseId, NotionFieldCatalog.SequenceTracker, o.SequenceTracker, ct);
            CheckedAt = TimeProvider.System.GetUtcNow();
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Any database (the old Email Templates one, the import's source) resolved to its data source and schema.</summary>
    public async Task<NotionDataSource> DataSourceAsync(string databaseId, CancellationToken ct)
    {
        var client = clients.Create();
        var database = await client.GetDatabaseAsync(databaseId, ct);
        if (database.DataSources.Count == 0)
            throw new NotionApiException(404, "no_data_source", $"Database {databaseId} has no data source.");
        return await client.GetDataSourceAsync(database.DataSources[0].Id, ct);
    }

    private async Task<DatabaseMapping?> ReadAsync(string name, string? databaseId, IReadOnlyList<NotionField> fields,
        NotionDatabaseOptions configured, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(databaseId)) return null;
        try
        {
            var source = await DataSourceAsync(databaseId.Trim(), ct);
            var mapping = DatabaseMapping.Resolve(name, databaseId.Trim(), source, fields, configured.Properties);
            if (!mapping.IsUsable)
                logger.LogWarning("Notion {Database} database cannot be mirrored: it needs a title and an Email property", name);
            foreach (var p in mapping.Properties.Where(p => !p.IsMapped))
                logger.LogInformation("Notion {Database} database: {Field} -> '{Property}' {Problem}; that field is not written", name, p.Field, p.Property, p.Problem);
            return mapping;
        }
        catch (NotionApiException ex)
        {
            _outage |= ex.IsTransient;
            logger.LogWarning("Notion {Database} database {DatabaseId} could not be read: {Error}", name, databaseId, ex.Message);
            return DatabaseMapping.Unavailable(name, databaseId.Trim(), ex.Message);
        }
    }
}

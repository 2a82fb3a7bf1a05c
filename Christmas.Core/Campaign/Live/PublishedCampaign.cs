using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Webhooks;

namespace Christmas.Core.Campaign.Live;

/// <summary>
/// The revision in force, compiled once per revision. Every webhook asks for it, so the database is asked
/// for the latest revision number at most once per <see cref="CheckEvery"/>: another instance's publish is
/// live here within that time, this instance's at once (<see cref="Refresh"/>).
/// </summary>
public sealed class PublishedCampaign(CampaignDefinitionStore store, GeneratedWebhookKeys keys)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile LiveCampaign? _current;
    // Environment.TickCount64 (milliseconds since boot) of the last check; 0: check on the next read.
    private long _checkedAt;

    private bool CheckedRecently => Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < CheckEvery.TotalMilliseconds;

    public async ValueTask<LiveCampaign> CurrentAsync(CancellationToken ct)
    {
        if (_current is { } current && CheckedRecently) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && CheckedRecently) return fresh;
            var latest = await store.LatestRevisionAsync(ct);
            if (_current is not { } known || known.Revision != latest)
            {
                var published = await store.PublishedAsync(ct);
                _current = CampaignCompiler.Compile(published.Revision, published.Document, await keys.ForAsync(published.Document, ct));
            }
            Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// The revision last read, for synchronous readers (a template's variables, the console's labels). It is
    /// loaded at start-up; a read older than <see cref="CheckEvery"/> starts a check in the background.
    /// </summary>
    public LiveCampaign Latest
    {
        get
        {
            var current = _current ?? throw new InvalidOperationException("The campaign definition is read at start-up (PublishedCampaign.CurrentAsync) before it is used.");
            if (!CheckedRecently) _ = RefreshInBackgroundAsync();
            return current;
        }
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await CurrentAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The next reader tries again; the revision it had stays in force meanwhile.
        }
    }

    /// <summary>A revision was just published here: the next call reads it.</summary>
    public void Refresh() => Interlocked.Exchange(ref _checkedAt, 0);
}

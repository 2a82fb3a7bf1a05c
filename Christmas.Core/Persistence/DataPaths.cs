using Christmas.Core.Campaign;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Persistence;

/// <summary>Where the SQLite files live: <c>Campaign:DataDirectory</c>, relative to the content root.</summary>
public sealed class DataPaths(IHostEnvironment environment, IOptions<CampaignOptions> options)
{
    public string Directory { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataDirectory));

    public string AppDatabase => Path.Combine(Directory, "campaign.db");

    /// <summary>Hangfire's own store, apart from the app's data: it can be deleted and is rebuilt from the steps table.</summary>
    public string HangfireDatabase => Path.Combine(Directory, "hangfire.db");

    /// <summary>Locked (shared) by every running app on this directory; see <see cref="RunningAppLock"/>.</summary>
    public string RunningLock => Path.Combine(Directory, "running.lock");
}

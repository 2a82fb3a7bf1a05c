using System.Globalization;
using System.Text.RegularExpressions;
using Christmas.Core.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Backups;

/// <summary>
/// The backup directory and its files. A copy is written under a temporary name and renamed when checked,
/// so only complete files match <c>christmas-yyyyMMdd-HHmmss[-n].db</c> and are listed.
/// </summary>
public sealed partial class BackupFolder(IHostEnvironment environment, DataPaths paths, IOptions<BackupOptions> options)
{
    public string Directory { get; } = options.Value.Directory is { Length: > 0 } configured
        ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured))
        : Path.Combine(paths.Directory, "backups");

    public IReadOnlyList<BackupEntry> List()
    {
        if (!System.IO.Directory.Exists(Directory)) return [];
        return new DirectoryInfo(Directory).EnumerateFiles("christmas-*.db")
            .Select(f => (File: f, Match: FileName().Match(f.Name)))
            .Where(x => x.Match.Success)
            .OrderByDescending(x => x.Match.Groups[1].Value).ThenByDescending(x => Sequence(x.Match))
            .Select(x => new BackupEntry(x.File.Name, TimeOf(x.Match), x.File.Length))
            .ToList();
    }

    /// <summary>A free name for a copy made at <paramref name="at"/> (a second copy in the same second gets <c>-2</c>).</summary>
    public string NewName(DateTime at)
    {
        var stamp = at.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var name = $"christmas-{stamp}.db";
        for (var n = 2; File.Exists(Path.Combine(Directory, name)); n++) name = $"christmas-{stamp}-{n}.db";
        return name;
    }

    /// <summary>The time a backup's file name carries, when it has one of ours.</summary>
    public static DateTime? TimeInName(string file) => FileName().Match(Path.GetFileName(file)) is { Success: true } m ? TimeOf(m) : null;

    private static DateTime TimeOf(Match m) =>
        DateTime.SpecifyKind(DateTime.ParseExact(m.Groups[1].Value, "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture), DateTimeKind.Utc);

    private static int Sequence(Match m) => m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 1;

    [GeneratedRegex(@"^christmas-(\d{8}-\d{6})(?:-(\d+))?\.db$")]
    private static partial Regex FileName();
}

using System.Runtime.InteropServices;

namespace Christmas.Core.Persistence;

/// <summary>
/// The data directory holds every contact, the data-protection keys and the backups: only the app's own
/// user may read it. Directories 0700, files 0600, and a umask so files made later (SQLite's WAL, backups) are too.
/// </summary>
public static class DataDirectoryPermissions
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Secure(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
            return;
        }
        umask(0b000_111_111); // 077: nothing for group and others
        Directory.CreateDirectory(directory, DirectoryMode);
        File.SetUnixFileMode(directory, DirectoryMode);
        // What an earlier version (or a first start before this one) left readable.
        foreach (var entry in new DirectoryInfo(directory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            entry.UnixFileMode = entry is DirectoryInfo ? DirectoryMode : FileMode;
    }

    // DllImport, not LibraryImport: the latter needs unsafe code for the whole project.
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint umask(uint mask);
}

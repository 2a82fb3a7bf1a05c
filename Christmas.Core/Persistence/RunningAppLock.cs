namespace Christmas.Core.Persistence;

/// <summary>
/// Marks the data directory as in use for as long as the app runs: a shared lock on <c>running.lock</c>
/// (flock on Linux), so several processes may hold it. The restore command asks for it exclusively and refuses
/// while any app still uses the files. The kernel drops the lock when the process ends, kill -9 included.
/// </summary>
public sealed class RunningAppLock(DataPaths paths) : IDisposable
{
    private FileStream? _held;

    public string File => paths.RunningLock;

    /// <summary>Taken at start, before migrations; released when the host disposes its services.</summary>
    public void Hold()
    {
        Directory.CreateDirectory(paths.Directory);
        try { _held ??= Open(FileShare.ReadWrite); }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"{paths.Directory} is being restored ({paths.RunningLock} is held by the restore command); start the app when it has finished.", ex);
        }
    }

    /// <summary>The directory to oneself, or null while an app holds it.</summary>
    public IDisposable? TryTakeExclusively()
    {
        Directory.CreateDirectory(paths.Directory);
        try { return Open(FileShare.None); }
        catch (IOException) { return null; }
    }

    private FileStream Open(FileShare share) => new(paths.RunningLock, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);

    public void Dispose() => _held?.Dispose();
}

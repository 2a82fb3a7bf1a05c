namespace Christmas.Core.Backups;

/// <summary>What a restore did, for its summary.</summary>
/// <param name="BackupTimeSource">Where <paramref name="BackupTime"/> came from: the stamp in the copy, its file name, or the file's modification time.</param>
/// <param name="KeptAside">The files moved out of the way (the previous database, its -wal and -shm, the scheduler's store).</param>
public sealed record RestoreResult(string File, DateTime BackupTime, string BackupTimeSource, int HeldSteps, string Database, IReadOnlyList<string> KeptAside);

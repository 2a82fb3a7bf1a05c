namespace Christmas.Core.Backups;

/// <summary>One complete backup file: <c>{"file", "createdAt", "bytes"}</c>.</summary>
public sealed record BackupEntry(string File, DateTime CreatedAt, long Bytes);

using System.Diagnostics;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// A small loop-mounted ext4 filesystem of its own for the disk-full and read-only fault tests: filled
/// to the last byte with a filler file, freed again, and files made immutable (chattr +i, which on ext4
/// even root's already-open descriptors cannot write through; tmpfs ignores it for open files).
/// Mounting needs root or passwordless sudo, and a loop device.
/// </summary>
public sealed class SmallFilesystem : IDisposable
{
    private readonly List<string> _immutable = [];
    private string Filler => System.IO.Path.Combine(Path, "filler");

    private readonly string _image;

    private SmallFilesystem(string path, string image)
    {
        Path = path;
        _image = image;
    }

    public string Path { get; }

    public static SmallFilesystem Mount(int megabytes)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "christmas-smallfs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var image = path + ".ext4";
        using (var file = File.Create(image)) file.SetLength(megabytes * 1024L * 1024);
        // No reserved blocks: the app and the filler (both root here) see the same "full".
        Run("mkfs.ext4", "-q", "-F", "-m", "0", image);
        Run("mount", "-o", "loop", image, path);
        return new SmallFilesystem(path, image);
    }

    /// <summary>Writes a filler file until the filesystem refuses another byte.</summary>
    public long Fill()
    {
        long written = 0;
        using var filler = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1, FileOptions.WriteThrough);
        foreach (var size in new[] { 1 << 20, 1 << 12, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(chunk);
                    written += size;
                }
            }
            catch (IOException) { } // ENOSPC: on to a smaller chunk, down to single bytes
        }
        return written;
    }

    public void Free() => File.Delete(Filler);

    public void SetReadOnly(string file, bool readOnly)
    {
        if (!File.Exists(file)) return;
        Run("chattr", readOnly ? "+i" : "-i", file);
        if (readOnly) _immutable.Add(file); else _immutable.Remove(file);
    }

    public void Dispose()
    {
        foreach (var file in _immutable.ToList()) SetReadOnly(file, false);
        Run("umount", Path);
        Directory.Delete(Path, recursive: true);
        File.Delete(_image);
    }

    private static void Run(string tool, params string[] args)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? tool : "sudo") { RedirectStandardError = true, RedirectStandardOutput = true };
        if (!root) { start.ArgumentList.Add("-n"); start.ArgumentList.Add(tool); }
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {error.Trim()}. " +
                "The disk fault tests mount a small tmpfs: run them as root or with passwordless sudo.");
    }
}

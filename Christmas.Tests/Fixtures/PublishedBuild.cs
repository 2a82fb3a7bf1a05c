using System.Diagnostics;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// <c>dotnet publish -c Release</c> of Christmas.Admin, once per test run: the files that ship, with
/// the runtime settings that ship (invariant globalization, trimmed nothing, wwwroot next to the dll).
/// </summary>
public static class PublishedBuild
{
    private static readonly Lazy<Task<string>> Publish = new(PublishAsync);

    /// <summary>The published Christmas.Admin.dll.</summary>
    public static Task<string> AppDllAsync() => Publish.Value;

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "christmas-published", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "publish", Path.Combine(AppProcess.RepositoryRoot(), "Christmas.Admin", "Christmas.Admin.csproj"),
                     "-c", "Release", "-o", output, "-nodeReuse:false", "-v", "q" })
            start.ArgumentList.Add(arg);
        // test.sh builds everything in Release: the publish then copies that build instead of compiling it again.
        if (new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name == "Release") start.ArgumentList.Add("--no-build");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        return Path.Combine(output, "Christmas.Admin.dll");
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// The npm tools the API-description tests run (Redocly's linter, openapi-typescript, openapi-fetch and
/// TypeScript), at pinned versions, installed once per machine from the npm registry into a folder under
/// the temp directory (named after the versions) and reused; Node and npm come from Debian (test.sh).
/// </summary>
public static class NodeTools
{
    public const string RedoclyCli = "@redocly/cli@2.77.0";
    public static readonly string[] Packages = [RedoclyCli, "openapi-typescript@7.13.0", "openapi-fetch@0.17.0", "typescript@5.9.3"];
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The folder whose node_modules holds <see cref="Packages"/>, installing them the first time.</summary>
    public static async Task<string> InstallAsync()
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(' ', Packages))))[..12].ToLowerInvariant();
        var directory = Path.Combine(Path.GetTempPath(), "christmas-node-tools", key);
        var done = Path.Combine(directory, ".installed");
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(done)) return directory;
            Directory.CreateDirectory(directory);
            await File.WriteAllTextAsync(Path.Combine(directory, "package.json"), """{ "private": true, "type": "module" }""");
            var (exit, output) = await RunAsync("npm", directory, TimeSpan.FromMinutes(5),
                ["install", "--no-audit", "--no-fund", "--loglevel=error", .. Packages]);
            if (exit != 0) throw new InvalidOperationException($"npm install {string.Join(' ', Packages)} failed ({exit}):\n{output}");
            await File.WriteAllTextAsync(done, string.Join('\n', Packages));
            return directory;
        }
        finally
        {
            Installing.Release();
        }
    }

    /// <summary>A program from the tools' node_modules/.bin (e.g. "redocly", "tsc"), run in <paramref name="workingDirectory"/>.</summary>
    public static async Task<(int ExitCode, string Output)> RunToolAsync(string tool, string workingDirectory, params string[] arguments)
    {
        var directory = await InstallAsync();
        return await RunAsync(Path.Combine(directory, "node_modules", ".bin", tool), workingDirectory, TimeSpan.FromMinutes(3), arguments);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, TimeSpan limit,
        IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran over {limit}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

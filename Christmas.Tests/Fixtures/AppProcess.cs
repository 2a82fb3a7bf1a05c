using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// The app as its own OS process (the built Christmas.Admin.dll), so a test can kill it with SIGKILL
/// mid-work, as a machine loss would. Configured through environment variables, like a deployment;
/// its output goes to a log file in the test's directory, named in failures.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress, string log)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogFile = log;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }
    public HttpClient Client { get; }
    public string LogFile { get; }
    public bool HasExited => _process.HasExited;

    /// <param name="appDll">The app to run: the build next to the tests unless given (a published app).</param>
    /// <param name="workingDirectory">Where it is started from; the test's own directory unless given.</param>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string?> settings, string logFile,
        string? appDll = null, string? workingDirectory = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        start.ArgumentList.Add(appDll ?? AdminDll());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(start)!;
        var log = File.AppendText(logFile);
        log.AutoFlush = true;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.WriteLine(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"), logFile);
        try
        {
            await app.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            // A start that never became healthy must not outlive the test (holding its port and database).
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode} at start; see {LogFile}");
            try
            {
                if ((await Client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not answer /health within {limit}; see {LogFile}");
    }

    /// <summary>SIGKILL: no shutdown code runs, in-flight requests and sends are cut off.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>The app's own build output, next to this test project's in the repository.</summary>
    public static string AdminDll()
    {
        // Same configuration and framework as the tests: bin/<Configuration>/<tfm>.
        var tests = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var dll = Path.Combine(RepositoryRoot(), "Christmas.Admin", "bin", tests.Parent!.Name, tests.Name, "Christmas.Admin.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Christmas.Admin first (dotnet test Christmas.slnx does).", dll);
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Christmas.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Christmas.slnx) was not found above the test binaries.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Christmas.Tests.Fixtures.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's package (test.sh installs it): initdb in a temporary
/// directory, a free loopback port, stopped and deleted at the end. As root it runs as the
/// <c>postgres</c> user (initdb refuses root). <c>CHRISTMAS_TEST_POSTGRES</c> (a connection string to
/// an existing server whose user may create databases) skips the start-up. Each test app gets a
/// database of its own from <see cref="NewDatabaseAsync"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime, ITestDatabase
{
    private string? _directory;
    private string? _bin;

    /// <summary>The server's maintenance connection (database <c>postgres</c>).</summary>
    public string AdminConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("CHRISTMAS_TEST_POSTGRES") is { Length: > 0 } given)
        {
            AdminConnectionString = given;
            return;
        }
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).Max()
            : null;
        if (_bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed: run test.sh (it installs Debian's postgresql package) or set CHRISTMAS_TEST_POSTGRES.");
        _directory = Path.Combine(Path.GetTempPath(), $"christmas-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        if (IsRoot) await RunAsync("chown", "postgres", _directory);
        var port = FreePort();
        await RunAsPostgresAsync("initdb", "-D", Data, "-A", "trust", "-U", "postgres", "--no-sync");
        // fsync stays on: the tests that kill an instance rely on what a commit promises.
        await RunAsPostgresAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_directory, "log"), "-w", "-o",
            $"-p {port} -k {_directory} -c listen_addresses=127.0.0.1 -c max_connections=300", "start");
        AdminConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    /// <summary>A new empty database on the server, and the connection string to it.</summary>
    public async Task<string> NewDatabaseAsync()
    {
        var name = $"t_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>The settings that put a test app on a new database of this server.</summary>
    public async Task<Dictionary<string, string?>> SettingsAsync(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>(more ?? new Dictionary<string, string?>())
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = await NewDatabaseAsync(),
        };
        return settings;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null) return;
        try { await RunAsPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop"); }
        finally { try { Directory.Delete(_directory, recursive: true); } catch (IOException) { } }
    }

    private string Data => Path.Combine(_directory!, "data");

    /// <summary>A client tool of the installed server (pg_dump, pg_restore): from the cluster's own bin, else Debian's newest, else PATH.</summary>
    public string Tool(string name) =>
        new[] { _bin }.Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending() : [])
            .Where(d => d is not null).Select(d => Path.Combine(d!, name)).FirstOrDefault(File.Exists) ?? name;

    private static bool IsRoot => Environment.UserName == "root";

    private Task RunAsPostgresAsync(string tool, params string[] args) => IsRoot
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin!, tool), .. args])
        : RunAsync(Path.Combine(_bin!, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await error}{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}

/// <summary>
/// A cluster of its own for the kill -9 failover test: it spends minutes waiting on heartbeats, so
/// it runs beside the PostgreSQL collection instead of holding it up.
/// </summary>
[CollectionDefinition(Name), RunsLong]
public sealed class PostgresFailoverCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres-failover";
}

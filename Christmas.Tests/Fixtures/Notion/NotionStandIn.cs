using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// A local stand-in for Notion's REST API at version 2025-09-03 (data sources), as
/// shared/reference/apis.md §3 describes it: databases with one data source each, pages created,
/// read, updated, trashed and queried, Notion's validation errors and size limits, a per-second
/// budget answering 429 with Retry-After, and scripted failures. Every request is checked in this
/// order: token (401), Notion-Version (400), scripted faults, budget (429), then the endpoint.
/// </summary>
public sealed class NotionStandIn : IAsyncDisposable
{
    public const string Token = "ntn_test_0123456789";
    public const string Version = "2025-09-03";

    private readonly WebApplication _app;
    private readonly StandInStore _store = new();
    private readonly StandInFaults _faults = new();
    private readonly RateBudget _budget = new();
    private readonly Lock _requestsLock = new();
    private readonly List<StandInRequest> _requests = [];
    private int _tooManyRequests;

    private NotionStandIn(WebApplication app) => _app = app;

    /// <param name="port">0: any free port (tests); the bench hosts it on a fixed one.</param>
    public static async Task<NotionStandIn> StartAsync(double requestsPerSecond = 0, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new NotionStandIn(app) { RequestsPerSecond = requestsPerSecond };
        app.Run(standIn.HandleAsync);
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return standIn;
    }

    /// <summary>"http://127.0.0.1:PORT", no trailing slash; the API lives under /v1.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>0: unlimited. Otherwise more than max(1, floor(rps)) requests within a trailing second get 429.</summary>
    public double RequestsPerSecond { get; set; }

    /// <summary>The Retry-After (integer seconds) sent with every 429 and 529, from the budget or scripted.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>429s answered because of the budget (not scripted ones).</summary>
    public int TooManyRequestsAnswered => Volatile.Read(ref _tooManyRequests);

    public string AddDatabase(string title, IReadOnlyDictionary<string, string> properties) => _store.AddDatabase(title, properties);

    public string DataSourceIdOf(string databaseId) => _store.DataSourceIdOf(databaseId);

    /// <summary>Seeds a page; properties in Notion's REQUEST shapes (as for POST /v1/pages), validated the same way.</summary>
    public string AddPage(string databaseId, JsonObject properties, DateTimeOffset? createdTime = null) =>
        _store.AddPage(databaseId, properties, createdTime ?? DateTimeOffset.UtcNow);

    /// <summary>As if a person trashed the page in Notion: in_trash, left out of queries, still readable.</summary>
    public void TrashPage(string pageId) => _store.TrashPage(pageId);

    /// <summary>Gone for good: every later call on it answers 404 object_not_found.</summary>
    public void DeletePage(string pageId) => _store.DeletePage(pageId);

    /// <summary>The database's pages in creation order.</summary>
    public IReadOnlyList<StandInPage> Pages(string databaseId, bool includeTrashed = false) => _store.Pages(databaseId, includeTrashed);

    /// <summary>Every request received, in arrival order (a snapshot).</summary>
    public IReadOnlyList<StandInRequest> Requests { get { lock (_requestsLock) return [.. _requests]; } }

    /// <summary>Every request within that real-time span gets this error.</summary>
    public void FailFor(TimeSpan duration, int status = 503, string code = "service_unavailable") =>
        _faults.FailFor(duration, new ScriptedFault(status, code));

    /// <summary>Every request fails this way until <see cref="Up"/>.</summary>
    public void Down(int status = 503, string code = "service_unavailable") => _faults.Down(new ScriptedFault(status, code));

    public void Up() => _faults.Up();

    /// <summary>The next <paramref name="count"/> requests fail this way (queued after earlier FailNext/HangNext).</summary>
    public void FailNext(int count, int status, string code) => _faults.Next(count, new ScriptedFault(status, code));

    /// <summary>The next <paramref name="count"/> requests are never answered, until the client gives up.</summary>
    public void HangNext(int count) => _faults.Next(count, ScriptedFault.Hang);

    /// <summary>The next successful write (POST /v1/pages, PATCH /v1/pages/{id}) is saved, then answered with this error.</summary>
    public void SaveThenFailNext(int status = 503) => _faults.SaveThenFail(status);

    private async Task HandleAsync(HttpContext context)
    {
        var at = DateTimeOffset.UtcNow;
        var (method, path) = (context.Request.Method, context.Request.Path.Value ?? "");
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var status = 0;
        try
        {
            if (Answer(context.Request.Headers, method, path, body) is not { } answer) await HangAsync(context);
            else
            {
                status = answer.Status;
                await WriteAsync(context, answer);
            }
        }
        finally
        {
            lock (_requestsLock) _requests.Add(new StandInRequest(at, method, path, status, body.Length == 0 ? null : body));
        }
    }

    /// <returns>The answer, or null for a request that must hang.</returns>
    private Answer? Answer(IHeaderDictionary headers, string method, string path, string body)
    {
        if (HeaderError(headers) is { } refused) return refused.ToAnswer();
        if (_faults.Take() is { } fault) return fault.Hangs ? null : NotionError.Scripted(fault.Status, fault.Code).ToAnswer();
        if (!_budget.Admits(RequestsPerSecond))
        {
            Interlocked.Increment(ref _tooManyRequests);
            return NotionError.RateLimited().ToAnswer();
        }
        try
        {
            var result = NotionRoutes.Dispatch(_store, method, path, body);
            // Applied above; the client is told it failed, so it cannot know the write was saved.
            if (NotionRoutes.IsWrite(method, path) && _faults.TakeSaveThenFail() is { } status)
                return NotionError.Scripted(status, NotionError.CodeFor(status)).ToAnswer();
            return new Answer(200, result);
        }
        catch (NotionError error)
        {
            return error.ToAnswer();
        }
        catch (Exception bug)
        {
            // A stand-in bug shows up as a 500 with its message rather than a bare connection reset.
            return new NotionError(500, "internal_server_error", $"Notion stand-in bug: {bug}").ToAnswer();
        }
    }

    private static NotionError? HeaderError(IHeaderDictionary headers)
    {
        if (headers.Authorization != $"Bearer {Token}") return new NotionError(401, "unauthorized", "API token is invalid.");
        var version = headers["Notion-Version"].ToString();
        if (version.Length == 0)
            return new NotionError(400, "missing_version", "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");
        // Any other version is refused, so tests prove the client sends the one it was written for.
        return version == Version ? null
            : new NotionError(400, "invalid_request", $"Notion-Version `{version}` is not served here: this stand-in expects `Notion-Version: {Version}` (data sources).");
    }

    private async Task WriteAsync(HttpContext context, Answer answer)
    {
        context.Response.StatusCode = answer.Status;
        if (answer.Status is 429 or 529) context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Waits until the client aborts (or the stand-in stops), then drops the connection unanswered.</summary>
    private async Task HangAsync(HttpContext context)
    {
        var stopping = _app.Lifetime.ApplicationStopping;
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try { await Task.Delay(Timeout.Infinite, either.Token); }
        catch (OperationCanceledException) { }
        context.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

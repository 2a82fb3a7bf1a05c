using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Christmas.Tests.Fixtures;

/// <summary>
/// A local stand-in for Resend's <c>POST /emails</c> and <c>POST /emails/batch</c> as its documentation
/// describes them: Bearer key, <c>{"id"}</c> and <c>{"data":[{"id"}], "errors":[{"index","message"}]}</c>
/// answers (<c>x-batch-validation</c> strict or permissive; an address ending in <c>.invalid</c> is refused),
/// idempotency keys remembered for both (same key and payload: the first answer, nothing sent; other
/// payload: 409 <c>invalid_idempotent_request</c>; the same key still in flight: 409
/// <c>concurrent_idempotent_requests</c>), error bodies <c>{statusCode, name, message}</c>, and with a
/// limit set, Resend's <c>ratelimit-limit/-remaining/-reset</c> headers on every answer and 429 with
/// <c>retry-after</c> past it. Tests script failures (429, 500, 422, a hang) and read what arrived.
/// </summary>
public sealed class ResendStandIn : IAsyncDisposable
{
    public const string ApiKey = "re_test_0123456789";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Answer, string Hash, DateTimeOffset At)> _keys = new();
    private readonly ConcurrentDictionary<string, byte> _keysInFlight = new();
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentQueue<Func<HttpContext, Received, Task>> _script = new();

    private sealed record Received(JsonElement Body, string? Key, bool Batch, bool Permissive);

    /// <param name="Batch">Posted to <c>/emails/batch</c>: <paramref name="Body"/> is the array of emails.</param>
    public sealed record Arrival(DateTimeOffset At, string? IdempotencyKey, JsonElement Body, int Status, bool Batch = false);

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();
    /// <summary>Like Resend's team limit: over this many requests in the trailing second answer 429 (0: no limit).</summary>
    public int RequestsPerSecondLimit { get; set; }
    public int TooManyRequestsAnswered => _tooMany;
    private int _tooMany;
    private readonly Queue<DateTimeOffset> _recent = new();
    /// <summary>Requests Resend accepted with a new idempotency key (a single email, or a whole batch).</summary>
    public int Accepted => _keys.Count;
    public string BaseUrl { get; private set; } = "";
    /// <summary>Every email Resend would have delivered (a new key, or no key), with its recipients: what a customer got.</summary>
    public ConcurrentQueue<JsonElement> Delivered { get; } = new();
    /// <summary>How long each request takes before it is handled (a real provider's round trip), so a kill can land mid-send.</summary>
    public TimeSpan Latency { get; set; }
    /// <summary>Requests received and not answered yet: a kill now cuts a send off.</summary>
    public int InFlight => _inFlight;
    private int _inFlight;
    /// <summary>While set, every request is answered with this error (an outage: 500, or 429 with retry-after) and nothing is sent.</summary>
    public (HttpStatusCode Status, int? RetryAfterSeconds)? Outage { get; set; }
    /// <summary>The clock of <see cref="Arrival.At"/>: the app's fake clock in tests that count waits in its time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;
    /// <summary>Runs with an accepted email's id before the answer leaves: Resend's webhook can reach the app before its send is recorded.</summary>
    public Func<string, Task>? BeforeAnswering { get; set; }

    private ResendStandIn(WebApplication app) => _app = app;

    /// <summary>The app settings that send through this stand-in with a complete CASL identity, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> SenderSettings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Email:Provider"] = "Resend",
            ["Email:From"] = "BusOS Team <team@busos.example>",
            ["Campaign:Sender:Name"] = "BusOS Team",
            ["Campaign:Sender:PostalAddress"] = "1 Main St, Halifax NS B3H 1A1",
            ["Campaign:Sender:ContactEmail"] = "hello@busos.example",
            ["Resend:ApiKey"] = ApiKey,
            ["Resend:BaseUrl"] = BaseUrl,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }

    public static async Task<ResendStandIn> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new ResendStandIn(app);
        app.MapPost("/emails", context => standIn.HandleAsync(context, batch: false));
        app.MapPost("/emails/batch", context => standIn.HandleAsync(context, batch: true));
        await app.StartAsync();
        standIn.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return standIn;
    }

    public void FailNext(HttpStatusCode status, string name, string message, int? retryAfterSeconds = null) => _script.Enqueue((context, _) =>
    {
        if (retryAfterSeconds is { } s) context.Response.Headers.RetryAfter = s.ToString();
        return ErrorAsync(context, status, name, message);
    });

    /// <summary>Accepts the next email (Resend sent it) but never answers: the response is lost.</summary>
    public void AcceptAndHangNext() => _script.Enqueue(async (context, received) =>
    {
        Accept(received);
        await Task.Delay(Timeout.Infinite, context.RequestAborted);
    });

    private async Task HandleAsync(HttpContext context, bool batch)
    {
        using var reader = new StreamReader(context.Request.Body);
        var arrivedAt = Clock.GetUtcNow();
        var received = new Received(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone(),
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(), batch,
            string.Equals(context.Request.Headers["x-batch-validation"], "permissive", StringComparison.OrdinalIgnoreCase));
        Interlocked.Increment(ref _inFlight);
        var keyHeld = received.Key is { } heldKey && _keysInFlight.TryAdd(heldKey, 0);
        try
        {
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
            var overLimit = OverLimit(arrivedAt, context.Response);
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
                await ErrorAsync(context, HttpStatusCode.Unauthorized, "missing_api_key", "Missing API key in the authorization header");
            else if (overLimit)
            {
                Interlocked.Increment(ref _tooMany);
                context.Response.Headers.RetryAfter = "1";
                await ErrorAsync(context, HttpStatusCode.TooManyRequests, "rate_limit_exceeded",
                    $"Too many requests. You can only make {RequestsPerSecondLimit} requests per second.");
            }
            else if (Outage is var (status, retryAfter))
            {
                if (retryAfter is { } s) context.Response.Headers.RetryAfter = s.ToString();
                await ErrorAsync(context, status, status == HttpStatusCode.TooManyRequests ? "rate_limit_exceeded" : "internal_server_error",
                    status == HttpStatusCode.TooManyRequests ? "Too many requests." : "An unexpected error occurred.");
            }
            else if (received.Key is not null && !keyHeld)
                await ErrorAsync(context, HttpStatusCode.Conflict, "concurrent_idempotent_requests",
                    "Same idempotency key used while original request is still in progress.");
            else if (_script.TryDequeue(out var scripted)) await scripted(context, received);
            else if (batch && !received.Permissive && Invalid(received.Body).FirstOrDefault() is { } invalid)
                await ErrorAsync(context, HttpStatusCode.UnprocessableEntity, "validation_error", invalid.Message);
            else if (Accept(received) is { } answer)
            {
                if (BeforeAnswering is { } hook)
                    foreach (var id in Ids(answer, batch)) await hook(id);
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(answer);
            }
            else await ErrorAsync(context, HttpStatusCode.Conflict, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
        }
        finally
        {
            if (keyHeld) _keysInFlight.TryRemove(received.Key!, out _);
            Interlocked.Decrement(ref _inFlight);
            Arrivals.Enqueue(new Arrival(arrivedAt, received.Key, received.Body, context.Response.StatusCode, batch));
        }
    }

    /// <summary>The stand-in's validation: an address ending in <c>.invalid</c> (RFC 2606) is refused.</summary>
    private static IEnumerable<(int Index, string Message)> Invalid(JsonElement emails) =>
        emails.EnumerateArray().Select((e, i) => (i, e.GetProperty("to").EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t.EndsWith(".invalid"))))
            .Where(x => x.Item2 is not null).Select(x => (x.i, $"Invalid `to` field. The email address needs to follow the `email@example.com` format: {x.Item2}"));

    private static IEnumerable<string> Ids(string answer, bool batch)
    {
        using var json = JsonDocument.Parse(answer);
        return batch
            ? json.RootElement.GetProperty("data").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList()
            : [json.RootElement.GetProperty("id").GetString()!];
    }

    /// <summary>Counts the request in the trailing second and writes Resend's rate headers on the answer.</summary>
    private bool OverLimit(DateTimeOffset at, HttpResponse response)
    {
        if (RequestsPerSecondLimit <= 0) return false;
        lock (_recent)
        {
            while (_recent.Count > 0 && at - _recent.Peek() >= TimeSpan.FromSeconds(1)) _recent.Dequeue();
            _recent.Enqueue(at);
            response.Headers["ratelimit-limit"] = RequestsPerSecondLimit.ToString();
            response.Headers["ratelimit-remaining"] = Math.Max(0, RequestsPerSecondLimit - _recent.Count).ToString();
            response.Headers["ratelimit-reset"] = "1";
            return _recent.Count > RequestsPerSecondLimit;
        }
    }

    /// <returns>The answer's JSON (the first one for a known key), or null for a known key with another payload.</returns>
    private string? Accept(Received received)
    {
        if (received.Key is null) return Deliver(received);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes((received.Batch ? "batch:" : "") + received.Body.GetRawText())));
        var now = DateTimeOffset.UtcNow;
        // Keys are remembered for 24 h, like Resend's; after that the key is new again. The answer is made
        // (and the emails delivered) only for a key seen for the first time.
        // (One request per key at a time: a second one in flight was answered 409 before reaching here.)
        var entry = _keys.AddOrUpdate(received.Key, _ => (Deliver(received), hash, now),
            (_, old) => now - old.At >= KeyLifetime ? (Deliver(received), hash, now) : old);
        return entry.Hash == hash ? entry.Answer : null;
    }

    /// <summary>Delivers the request's emails (in permissive mode all but the invalid ones) and makes the answer.</summary>
    private string Deliver(Received received)
    {
        if (!received.Batch)
        {
            Delivered.Enqueue(received.Body);
            return JsonSerializer.Serialize(new { id = Guid.NewGuid().ToString() });
        }
        var invalid = Invalid(received.Body).ToDictionary(x => x.Index, x => x.Message);
        var data = new List<object>();
        foreach (var (email, index) in received.Body.EnumerateArray().Select((e, i) => (e, i)))
        {
            if (invalid.ContainsKey(index)) continue;
            Delivered.Enqueue(email);
            data.Add(new { id = Guid.NewGuid().ToString() });
        }
        return received.Permissive
            ? JsonSerializer.Serialize(new { data, errors = invalid.Select(x => new { index = x.Key, message = x.Value }) })
            : JsonSerializer.Serialize(new { data });
    }

    private static Task ErrorAsync(HttpContext context, HttpStatusCode status, string name, string message) =>
        Results.Json(new { statusCode = (int)status, name, message }, statusCode: (int)status).ExecuteAsync(context);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

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
/// A local stand-in for Resend's <c>POST /emails</c> as its documentation describes it: Bearer key,
/// <c>{"id"}</c> answers, idempotency keys remembered (same key and payload: the first answer, nothing
/// sent; other payload: 409), error bodies <c>{statusCode, name, message}</c>. Tests script failures
/// (429 with retry-after, 500, 422, a hang) and read what arrived, with arrival times.
/// </summary>
public sealed class ResendStandIn : IAsyncDisposable
{
    public const string ApiKey = "re_test_0123456789";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string Id, string Hash, DateTimeOffset At)> _keys = new();
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);
    private readonly ConcurrentQueue<Func<HttpContext, Received, Task>> _script = new();

    private sealed record Received(JsonElement Body, string? Key);

    public sealed record Arrival(DateTimeOffset At, string? IdempotencyKey, JsonElement Body, int Status);

    public ConcurrentQueue<Arrival> Arrivals { get; } = new();
    /// <summary>Like Resend's team limit: over this many requests in the trailing second answer 429 (0: no limit).</summary>
    public int RequestsPerSecondLimit { get; set; }
    public int TooManyRequestsAnswered => _tooMany;
    private int _tooMany;
    private readonly Queue<DateTimeOffset> _recent = new();
    /// <summary>Emails Resend would have sent: one per accepted idempotency key.</summary>
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
        app.MapPost("/emails", standIn.HandleAsync);
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

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var arrivedAt = Clock.GetUtcNow();
        var received = new Received(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone(),
            context.Request.Headers["Idempotency-Key"].FirstOrDefault());
        Interlocked.Increment(ref _inFlight);
        try
        {
            if (Latency > TimeSpan.Zero) await Task.Delay(Latency, context.RequestAborted);
            if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
                await ErrorAsync(context, HttpStatusCode.Unauthorized, "missing_api_key", "Missing API key in the authorization header");
            else if (OverLimit(arrivedAt))
            {
                Interlocked.Increment(ref _tooMany);
                context.Response.Headers.RetryAfter = "1";
                await ErrorAsync(context, HttpStatusCode.TooManyRequests, "rate_limit_exceeded", "Too many requests. You can only make 2 requests per second.");
            }
            else if (Outage is var (status, retryAfter))
            {
                if (retryAfter is { } s) context.Response.Headers.RetryAfter = s.ToString();
                await ErrorAsync(context, status, status == HttpStatusCode.TooManyRequests ? "rate_limit_exceeded" : "internal_server_error",
                    status == HttpStatusCode.TooManyRequests ? "Too many requests." : "An unexpected error occurred.");
            }
            else if (_script.TryDequeue(out var scripted)) await scripted(context, received);
            else if (Accept(received) is { } id)
            {
                if (BeforeAnswering is { } hook) await hook(id);
                await Results.Json(new { id }).ExecuteAsync(context);
            }
            else await ErrorAsync(context, HttpStatusCode.Conflict, "invalid_idempotent_request", "Same idempotency key used with a different request payload.");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            Arrivals.Enqueue(new Arrival(arrivedAt, received.Key, received.Body, context.Response.StatusCode));
        }
    }

    private bool OverLimit(DateTimeOffset at)
    {
        if (RequestsPerSecondLimit <= 0) return false;
        lock (_recent)
        {
            while (_recent.Count > 0 && at - _recent.Peek() >= TimeSpan.FromSeconds(1)) _recent.Dequeue();
            _recent.Enqueue(at);
            return _recent.Count > RequestsPerSecondLimit;
        }
    }

    /// <returns>The email's id (the first one for a known key), or null for a known key with another payload.</returns>
    private string? Accept(Received received)
    {
        if (received.Key is null)
        {
            Delivered.Enqueue(received.Body);
            return Guid.NewGuid().ToString();
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(received.Body.GetRawText())));
        var now = DateTimeOffset.UtcNow;
        var fresh = Guid.NewGuid().ToString();
        // Keys are remembered for 24 h, like Resend's; after that the key is new again.
        var entry = _keys.AddOrUpdate(received.Key, _ => (fresh, hash, now),
            (_, old) => now - old.At >= KeyLifetime ? (fresh, hash, now) : old);
        if (entry.Id == fresh) Delivered.Enqueue(received.Body);
        return entry.Hash == hash ? entry.Id : null;
    }

    private static Task ErrorAsync(HttpContext context, HttpStatusCode status, string name, string message) =>
        Results.Json(new { statusCode = (int)status, name, message }, statusCode: (int)status).ExecuteAsync(context);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

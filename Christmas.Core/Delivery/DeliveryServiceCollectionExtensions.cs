using System.Net;
using Christmas.Core.Common.Http;
using Christmas.Core.Delivery.Batches;
using Christmas.Core.Delivery.Outbox;
using Christmas.Core.Delivery.Resend;
using Christmas.Core.Delivery.Smtp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;

namespace Christmas.Core.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    private static readonly TimeSpan LongestRetryAfterInPlace = TimeSpan.FromSeconds(5);

    /// <summary>The senders behind <see cref="IEmailSender"/>, chosen by <c>Email:Provider</c>.</summary>
    public static IServiceCollection AddEmailSenders(this IServiceCollection services)
    {
        // Only values that are wrong stop the start; missing sender keys hold the sends instead (SenderReadiness),
        // so the webhooks keep being taken while someone sets them.
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => EmailOptions.Providers.Contains(o.Provider, StringComparer.OrdinalIgnoreCase),
                $"Email:Provider must be one of: {string.Join(", ", EmailOptions.Providers)}.")
            .ValidateOnStart();
        services.AddOptions<ResendOptions>().BindConfiguration(ResendOptions.Section)
            .Validate(o => o.RequestsPerSecond >= 1, "Resend:RequestsPerSecond must be 1 or more.")
            .ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => o.MaxConnections >= 1, "Smtp:MaxConnections must be 1 or more.")
            .Validate(o => o.IdleTimeout >= TimeSpan.Zero, "Smtp:IdleTimeout must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<SenderReadiness>();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SmtpConnectionPool>(); // the container disposes it at shutdown: idle connections QUIT
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<ResendRateGate>();
        services.AddTransient<RateLimitedHandler<ResendRateGate>>();
        AddResendPipeline(services.AddHttpClient<ResendEmailSender>(ConfigureResend));
        AddResendPipeline(services.AddHttpClient<ResendBatchSender>(ConfigureResend));
        services.AddSingleton<BatchSending>();
        services.AddTransient<IBatchEmailSender>(sp => sp.GetRequiredService<ResendBatchSender>());

        services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<IOptionsMonitor<EmailOptions>>().CurrentValue switch
        {
            { IsResend: true } => sp.GetRequiredService<ResendEmailSender>(),
            { IsSmtp: true } => sp.GetRequiredService<SmtpEmailSender>(),
            _ => sp.GetRequiredService<OutboxEmailSender>(),
        });
        return services;
    }

    private static void ConfigureResend(IServiceProvider sp, HttpClient http)
    {
        // The monitor: a key set by a configuration reload is used from the next send on.
        var o = sp.GetRequiredService<IOptionsMonitor<ResendOptions>>().CurrentValue;
        http.BaseAddress = new Uri(o.BaseUrl.TrimEnd('/') + "/");
        http.DefaultRequestHeaders.Authorization = new("Bearer", o.ApiKey);
        http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's per-attempt timeout rules
    }

    /// <summary>
    /// Outermost to innermost: retries, then the rate gate (every attempt waits its turn, and the gate reads
    /// Resend's rate headers), then the per-attempt timeout (which must not count the wait for the gate).
    /// </summary>
    private static void AddResendPipeline(IHttpClientBuilder resend)
    {
        resend.AddResilienceHandler("resend-retry", (pipeline, context) =>
        {
            // Retry-after and backoff are real seconds of a real server, not the schedule's (fake in tests) clock.
            pipeline.TimeProvider = TimeProvider.System;
            var retries = context.ServiceProvider.GetRequiredService<IOptions<ResendOptions>>().Value.RetriesPerSend;
            if (retries <= 0) return;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = true,
                // Retrying a POST is safe: every attempt carries the step's (or the batch's) Idempotency-Key.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    // A long retry-after is not waited out here, holding a worker: the step is tried again then.
                    { Result: { } r } when r.Headers.RetryAfter?.Delta > LongestRetryAfterInPlace => false,
                    // 409: the same key still in flight at Resend (concurrent_idempotent_requests).
                    { Result: { } r } => ResendEmailSender.IsUnavailable(r.StatusCode) || r.StatusCode == HttpStatusCode.Conflict,
                    _ => false,
                }),
            });
        });
        resend.AddHttpMessageHandler<RateLimitedHandler<ResendRateGate>>();
        resend.AddResilienceHandler("resend-attempt-timeout", pipeline =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(TimeSpan.FromSeconds(10));
        });
    }
}

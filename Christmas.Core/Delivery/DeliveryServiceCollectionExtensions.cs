using System.Net;
using Christmas.Core.Campaign;
using Christmas.Core.Common.Http;
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
    /// <summary>The senders behind <see cref="IEmailSender"/>, chosen by <c>Email:Provider</c>.</summary>
    public static IServiceCollection AddEmailSenders(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section)
            .Validate(o => EmailOptions.Providers.Contains(o.Provider, StringComparer.OrdinalIgnoreCase),
                $"Email:Provider must be one of: {string.Join(", ", EmailOptions.Providers)}.")
            .Validate(o => !(o.IsResend || o.IsSmtp) || !string.IsNullOrWhiteSpace(o.From), "Email:From is required with Email:Provider=Resend or Smtp.")
            // CASL: an email that leaves the machine must name its sender, a postal address and a contact.
            .Validate<IOptions<CampaignOptions>>((o, campaign) => o.Provider.Equals(EmailOptions.Outbox, StringComparison.OrdinalIgnoreCase)
                    || new[] { campaign.Value.Sender.Name, campaign.Value.Sender.PostalAddress, campaign.Value.Sender.ContactEmail }.All(v => !string.IsNullOrWhiteSpace(v)),
                "Campaign:Sender:Name, Campaign:Sender:PostalAddress and Campaign:Sender:ContactEmail are required to send real emails (Canada's anti-spam law: every email identifies its sender).")
            .ValidateOnStart();
        services.AddOptions<ResendOptions>().BindConfiguration(ResendOptions.Section)
            .Validate<IOptions<EmailOptions>>((o, email) => !email.Value.IsResend || !string.IsNullOrWhiteSpace(o.ApiKey),
                "Resend:ApiKey is required with Email:Provider=Resend.")
            .Validate(o => o.RequestsPerSecond >= 1, "Resend:RequestsPerSecond must be 1 or more.")
            .ValidateOnStart();

        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate<IOptions<EmailOptions>>((o, email) => !email.Value.IsSmtp || !string.IsNullOrWhiteSpace(o.Host),
                "Smtp:Host is required with Email:Provider=Smtp.")
            .ValidateOnStart();
        services.AddSingleton<OutboxEmailSender>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddSingleton<ResendRateGate>();
        services.AddTransient<RateLimitedHandler<ResendRateGate>>();
        var resend = services.AddHttpClient<ResendEmailSender>((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<ResendOptions>>().Value;
                http.BaseAddress = new Uri(o.BaseUrl.TrimEnd('/') + "/");
                http.DefaultRequestHeaders.Authorization = new("Bearer", o.ApiKey);
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's per-attempt timeout rules
            });
        // Outermost to innermost: retries, then the rate gate (every attempt waits its turn), then
        // the per-attempt timeout (which must not count the wait for the gate).
        resend.AddResilienceHandler("resend-retry", pipeline =>
        {
            // Retry-after and backoff are real seconds of a real server, not the schedule's (fake in tests) clock.
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                ShouldRetryAfterHeader = true,
                // Retrying a POST is safe: every attempt carries the step's Idempotency-Key.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: HttpRequestException or TimeoutRejectedException } => true,
                    { Result: { } r } => r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict or HttpStatusCode.RequestTimeout
                        || (int)r.StatusCode >= 500,
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

        services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value switch
        {
            { IsResend: true } => sp.GetRequiredService<ResendEmailSender>(),
            { IsSmtp: true } => sp.GetRequiredService<SmtpEmailSender>(),
            _ => sp.GetRequiredService<OutboxEmailSender>(),
        });
        return services;
    }
}

using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// ASP.NET Core's rate limiter on the webhook paths, one bucket per client address. A refused call answers
/// 429 with <c>Retry-After</c> and is recorded like every other refused call.
/// </summary>
public static class WebhookRateLimiting
{
    public const string Policy = "webhooks";

    public static IServiceCollection AddWebhookRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<WebhookRateLimitOptions>().BindConfiguration(WebhookRateLimitOptions.Section)
            .Validate(o => o.PermitsPerSecond > 0 && o.Burst > 0, "Webhooks:RateLimit:PermitsPerSecond and Webhooks:RateLimit:Burst must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<WebhookRateLimitOptions>>((options, limits) =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.Value.Burst,
                    TokensPerPeriod = limits.Value.PermitsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var answer = TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests",
            detail: $"Too many calls from this address; retry after {seconds} s.");
        var handler = http.GetRouteValue("handler") as string ?? "";
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var result = await http.RequestServices.GetRequiredService<WebhookRefusals>().RefuseAsync(http.Request, handler, answer, ct,
            $"rate limited: {address} sent more than Webhooks:RateLimit allows (PermitsPerSecond, Burst)");
        await result.ExecuteAsync(http);
    }
}

using Christmas.Core.Common.Http;
using Christmas.Core.Notion.Client;
using Christmas.Core.Notion.Import;
using Christmas.Core.Notion.Mapping;
using Christmas.Core.Notion.Mirror;
using Christmas.Core.Notion.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly;

namespace Christmas.Core.Notion;

public static class NotionServiceCollectionExtensions
{
    /// <summary>The Notion client, the mirror's loop, its status and the import; all idle without <c>Notion:Token</c>.</summary>
    public static IServiceCollection AddNotion(this IServiceCollection services)
    {
        services.AddNotionClient();
        services.AddSingleton<NotionSchemas>();
        services.AddSingleton<NotionMirrorState>();
        services.AddSingleton<MirrorWindow>();
        services.AddSingleton<MirrorFeed>();
        services.AddSingleton<NotionStatusReader>();
        services.AddSingleton<NotionOperations>();
        services.AddSingleton<NotionMirror>();
        services.AddHostedService(sp => sp.GetRequiredService<NotionMirror>());
        services.AddNotionImport();
        return services;
    }

    /// <summary>Options and the HTTP client alone (what a script or a test of the client needs).</summary>
    public static IServiceCollection AddNotionClient(this IServiceCollection services)
    {
        services.AddOptions<NotionOptions>().BindConfiguration(NotionOptions.Section)
            .Validate(o => o.RequestsPerSecond >= 1, "Notion:RequestsPerSecond must be 1 or more.")
            .Validate(o => Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Notion:BaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<NotionRateGate>();
        services.AddTransient<RateLimitedHandler<NotionRateGate>>();
        var http = services.AddHttpClient(NotionClients.HttpClientName, (sp, client) =>
        {
            var o = sp.GetRequiredService<IOptions<NotionOptions>>().Value;
            var root = o.BaseUrl.TrimEnd('/');
            if (root.EndsWith("/v1", StringComparison.Ordinal)) root = root[..^3];
            client.BaseAddress = new Uri(root + "/");
            if (o.IsConfigured) client.DefaultRequestHeaders.Authorization = new("Bearer", o.Token!.Trim());
            client.DefaultRequestHeaders.Add("Notion-Version", NotionOptions.ApiVersion);
            client.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's per-attempt timeout rules
        });
        // As for Resend: retries outermost, then the shared gate (every attempt counts), then the attempt's timeout.
        http.AddResilienceHandler("notion-retry", pipeline =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddRetry(NotionRetryPolicy.Options());
        });
        http.AddHttpMessageHandler<RateLimitedHandler<NotionRateGate>>();
        http.AddResilienceHandler("notion-attempt-timeout", (pipeline, context) =>
        {
            pipeline.TimeProvider = TimeProvider.System;
            pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<NotionOptions>>().Value.RequestTimeout);
        });

        services.AddSingleton<NotionClients>();
        return services;
    }
}

using Christmas.Admin.ApiDocs;
using Christmas.Admin.Endpoints;
using Christmas.Admin.Health;
using Christmas.Admin.Security;
using Christmas.Admin.Security.Proxy;
using Christmas.Admin.Telemetry;
using Christmas.Core;
using Christmas.Core.Persistence;
using Christmas.Core.Retention;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;

namespace Christmas.Admin.Extensions;

public static class AdminServiceCollectionExtensions
{
    /// <summary>Everything the admin host needs: the domain, Hangfire, security, API plumbing and the console.</summary>
    public static WebApplicationBuilder AddChristmasAdmin(this WebApplicationBuilder builder)
    {
        // The integration guide's port, unless ASPNETCORE_URLS / --urls say otherwise.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
            builder.WebHost.UseUrls("http://localhost:8080");
        // Package assets (MudBlazor's css/js) when run from the build output in any environment; a no-op once published.
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddChristmasCore();
        services.AddChristmasHangfire();
        services.AddRetentionSchedule();
        services.AddSingleton<WebhookCall>();
        services.AddSingleton<WebhookRefusals>();
        services.AddWebhookRateLimiting();
        services.AddProxySupport();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddConsoleSecurity();

        builder.AddChristmasTelemetry();
        services.AddChristmasApiDocs();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad query values answer 400 in every environment, not an exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<NotionHealthCheck>("notion")
            .AddCheck<SenderHealthCheck>("sender")
            .AddCheck<WebhookKeysHealthCheck>("webhookKeys");

        // Keys (antiforgery, sign-in cookies) live in the app database, so a restart keeps them and
        // a cookie made by one instance works on another. The repository takes a scoped context.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CampaignDbContext>>().CreateDbContext());
        services.AddDataProtection().SetApplicationName("christmas-campaign-console").PersistKeysToDbContext<CampaignDbContext>();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }
}

using Christmas.Admin.ApiDocs;
using Christmas.Admin.Components;
using Christmas.Admin.Endpoints;
using Christmas.Admin.Health;
using Christmas.Admin.Security;
using Christmas.Admin.Telemetry;
using Christmas.Core.Campaign.Revisions;
using Christmas.Core.Persistence;
using Christmas.Core.Settings;
using Christmas.Core.Templates;
using Microsoft.AspNetCore.Diagnostics;

namespace Christmas.Admin.Extensions;

public static class WebApplicationExtensions
{
    public const string NotFoundPath = "/not-found";

    /// <summary>
    /// Applies migrations and seeds the default templates, campaign revision 1 and the first Admin (one instance at a time) before any hosted service
    /// (writer, dispatcher, Hangfire) starts; then logs which testing mode is in force and where it came from.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(async ct =>
        {
            await app.Services.GetRequiredService<RevisionOneSeeder>().SeedAsync(ct);
            // Compiled before the templates are checked: their variables are the published handlers' fields.
            await app.Services.GetRequiredService<Christmas.Core.Campaign.Live.PublishedCampaign>().CurrentAsync(ct);
            await app.Services.GetRequiredService<TemplateStore>().SeedAndCheckAsync(ct);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<FirstAdminSeeder>().SeedAsync();
        }, CancellationToken.None);
        var campaign = await app.Services.GetRequiredService<Christmas.Core.Campaign.Live.PublishedCampaign>().CurrentAsync(CancellationToken.None);
        app.Logger.LogInformation("Campaign definition revision {Revision} in force: {Sequences} sequences, {Handlers} handlers",
            campaign.Revision, campaign.Sequences.Count, campaign.Handlers.Count);
        await app.Services.GetRequiredService<TestingModeStore>().LogStartAsync(CancellationToken.None);
    }

    public static WebApplication UseChristmasAdmin(this WebApplication app)
    {
        // First: everything after sees the client's address and scheme as the known proxy forwarded them.
        app.UseForwardedHeaders();
        if (app.Environment.IsProduction()) app.UseHsts();
        app.UseExceptionHandler();
        // A browser asking for an unknown page gets the console's not-found page (the outer handler, re-run
        // through routing); API callers keep problem+json (the inner one, switched off for page requests).
        app.UseStatusCodePagesWithReExecute(NotFoundPath, createScopeForStatusCodePages: true);
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            if (ConsolePageRequests.IsPageRequest(context) && context.Features.Get<IStatusCodePagesFeature>() is { } problems)
                problems.Enabled = false;
            return next(context);
        });
        app.UseMiddleware<WebhookCorsMiddleware>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<SameOriginRequests>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapWebhookEndpoints();
        app.MapResendWebhooks();
        app.MapUnsubscribeEndpoints();
        app.MapHealth();

        var api = app.MapGroup("").RequireAuthorization(OperatorPolicy.Name);
        api.MapFlowsApi()
            .MapExecutionsApi()
            .MapContactsApi()
            .MapContactImportApi()
            .MapSequencesApi()
            .MapSettingsApi()
            .MapOutboxApi()
            .MapNotionApi()
            .MapFunnelApi()
            .MapSuppressionsApi()
            .MapTemplatesApi()
            .MapSimulationsApi()
            .MapCampaignApi()
            .MapBackupsApi()
            .MapHeldStepsApi()
            .MapRetentionApi()
            .MapTokensApi();
        app.MapChristmasApiDocs();
        app.MapChristmasMetrics();
        app.MapChristmasHangfireDashboard();
        app.MapAccountEndpoints();
        app.MapKestraUiRedirects();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}

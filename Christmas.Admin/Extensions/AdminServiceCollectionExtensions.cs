using Christmas.Admin.Endpoints;
using Christmas.Admin.Health;
using Christmas.Admin.Security;
using Christmas.Core;
using Christmas.Core.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
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
        services.AddSingleton<WebhookCall>();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddConsoleSecurity();

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // Bad query values answer 400 in every environment, not an exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler")
            .AddCheck<NotionHealthCheck>("notion")
            .AddCheck<SenderHealthCheck>("sender");

        // Keys (antiforgery, later sign-in cookies) live with the data, so a restart keeps them.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<DataPaths, ILoggerFactory>((o, paths, logs) =>
            o.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(paths.Directory, "keys")), logs));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }
}

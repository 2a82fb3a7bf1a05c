using Christmas.Admin.Endpoints;
using Christmas.Admin.Health;
using Christmas.Admin.Security;
using Christmas.Core;
using Microsoft.AspNetCore.Authentication;
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

        var services = builder.Services;
        services.AddChristmasCore();
        services.AddChristmasHangfire();
        services.AddSingleton<WebhookCall>();

        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.AddAuthentication(ApiTokenAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy.Name, policy => policy
                .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());

        services.AddProblemDetails();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<SchedulerHealthCheck>("scheduler");

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        return builder;
    }
}

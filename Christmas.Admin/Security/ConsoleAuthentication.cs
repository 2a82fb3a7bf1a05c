using Christmas.Admin.Security.Scopes;
using Christmas.Core.Accounts;
using Christmas.Core.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Christmas.Admin.Security;

/// <summary>Sign-in for people (Identity cookie) and for scripts (the API token, Bearer or Basic), behind one policy scheme.</summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "Console";
    public const string LoginPath = "/account/login";

    public static IServiceCollection AddConsoleSecurity(this IServiceCollection services)
    {
        // Identity's stores want a scoped context; the app otherwise uses the pooled factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CampaignDbContext>>().CreateDbContext());

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiCredentials.IsPresent(context.Request) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<ConsoleUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST 800-63B); lockout stops guessing.
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                // Above the per-address throttle (SignInThrottle): one machine guessing never locks the account.
                o.Lockout.MaxFailedAccessAttempts = 4 * SignIn.SignInThrottle.MaxFailures;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CampaignDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "christmas.console";
            o.Cookie.SameSite = SameSiteMode.Strict; // the API also accepts the cookie: no cross-site requests
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // Every request re-checks the security stamp (one read by key), so a sign-out, which changes it,
            // ends a copied cookie at once; Identity's own validator refreshes the claims every Interval.
            o.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is { } principal
                    && !await context.HttpContext.RequestServices.GetRequiredService<ConsoleSessionCheck>().IsCurrentAsync(principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            // Signing in on the login page redirects to its ReturnUrl: encoded, since a header takes ASCII only.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(Components.Account.LoginPage.LocalReturnUrl(context.RedirectUri));
                return Task.CompletedTask;
            };
            o.Events.OnRedirectToLogin = context => AnswerOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => AnswerOrRedirect(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicy.Name, p => p.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement(ConsoleRoles.All)))
            .AddPolicy(OperatorPolicy.AdminOnly, p => p.RequireAuthenticatedUser().AddRequirements(new OperatorRequirement([ConsoleRoles.Admin])));
        services.AddSingleton<IAuthorizationHandler, OperatorAuthorizationHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, MissingScopeResultHandler>();
        services.AddCascadingAuthenticationState();
        services.AddSingleton<ConsoleSessionCheck>();
        services.AddScoped<AuthenticationStateProvider, RevalidatingConsoleAuthenticationStateProvider>();
        // Cookies re-check the stamp as often as open circuits do.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidatingConsoleAuthenticationStateProvider.Interval);
        services.AddScoped<FirstAdminSeeder>();
        services.AddSingleton<SignIn.SignInThrottle>();
        services.AddSingleton<SignIn.UnknownAccountHash>();
        services.AddScoped<SignIn.ConsoleSignIn>();
        return services;
    }

    /// <summary>Browsers go to the sign-in page; API clients get a status code and a problem body.</summary>
    private static async Task AnswerOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(context.RedirectUri);
            return;
        }
        context.Response.StatusCode = status;
        if (status == StatusCodes.Status401Unauthorized) context.Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: status,
            title: status == 401 ? "Unauthorized" : "Forbidden",
            detail: status == 401
                ? "Sign in to the console, or send Authorization: Bearer <token> (or HTTP Basic with the token as password)."
                : "Your role may not do this.").ExecuteAsync(context.HttpContext);
    }
}

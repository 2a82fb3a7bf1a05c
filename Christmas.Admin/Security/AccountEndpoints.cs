using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Christmas.Admin.Security;

public static class AccountEndpoints
{
    /// <summary>Sign-out is a form POST (antiforgery-checked because it binds a form field); sign-in is the login page's form.</summary>
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", LogoutAsync).RequireAuthorization(OperatorPolicy.Name);
        return app;
    }

    /// <summary>A new security stamp ends this session everywhere its cookie was copied (checked on every request).</summary>
    private static async Task<IResult> LogoutAsync(SignInManager<ConsoleUser> signIn, UserManager<ConsoleUser> users, HttpContext context,
        [FromForm] string? returnUrl)
    {
        if (await users.GetUserAsync(context.User) is { } user) await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("~" + ConsoleAuthentication.LoginPath);
    }
}

using Microsoft.AspNetCore.Authorization;

namespace Christmas.Admin.Security;

/// <summary>
/// A cookie-authenticated request that changes something under <c>/api</c> must come from this console's own
/// pages: the cookie is SameSite=Strict, but a page on a sibling host (www.example.com next to
/// campaign.example.com) is the same site and could still post an empty form to a cancel or resend.
/// Token-authenticated calls carry no ambient credential and are not affected.
/// </summary>
public sealed class SameOriginRequests(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context) && !IsSameOrigin(context.Request))
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "A signed-in browser may change things only from this console's own pages (checked with Origin and Sec-Fetch-Site). " +
                    "Scripts call the API with the token (Authorization: Bearer ...).").ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private static bool NeedsCheck(HttpContext context) =>
        !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method) && !HttpMethods.IsTrace(context.Request.Method)
        && context.Request.Path.StartsWithSegments("/api")
        && context.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is null // the webhooks: no cookie is used
        && context.User.Identity?.IsAuthenticated == true
        && !ApiCredentials.IsPresent(context.Request);

    private static bool IsSameOrigin(HttpRequest request)
    {
        // Every current browser sends Sec-Fetch-Site; "none" is the user's own navigation.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        // Older browsers send Origin on every unsafe request; a client sending neither is not a browser
        // (nothing can make it post on someone's behalf), e.g. a script holding its own cookie.
        if (origin.Length == 0) return true;
        return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}

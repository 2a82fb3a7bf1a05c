using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Christmas.Admin.Security;

/// <summary>
/// A console circuit can stay open for hours: every few minutes it re-checks the user, so a removed user,
/// a changed role or a reset password ends the open session too, not just the next sign-in.
/// </summary>
public sealed class RevalidatingConsoleAuthenticationStateProvider(ILoggerFactory loggerFactory, ConsoleSessionCheck check)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override TimeSpan RevalidationInterval => Interval;

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        check.IsCurrentAsync(state.User);
}

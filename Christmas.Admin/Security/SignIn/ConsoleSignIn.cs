using System.Net;
using Christmas.Core.Accounts;
using Christmas.Core.Audit;
using Microsoft.AspNetCore.Identity;

namespace Christmas.Admin.Security.SignIn;

/// <summary>
/// The login form's check: one answer and one cost for an unknown email, a wrong password and a locked
/// account; a per-address throttle first; every failure logged and audited.
/// </summary>
public sealed class ConsoleSignIn(
    SignInManager<ConsoleUser> signIn,
    UserManager<ConsoleUser> users,
    SignInThrottle throttle,
    UnknownAccountHash unknownAccount,
    AuditLog audit,
    ILogger<ConsoleSignIn> logger)
{
    public const string Refused = "That email and password do not match an account. After several wrong tries, signing in pauses for a few minutes.";

    /// <returns>Null when signed in; otherwise the message to show.</returns>
    public async Task<string?> SignInAsync(string email, string password, bool remember, IPAddress? address)
    {
        email = email.Trim();
        if (throttle.WaitFor(address) is { } wait)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            await FailedAsync(email, address, $"refused: too many failed sign-ins from this address (wait {minutes} min)");
            return $"Too many failed sign-ins from this address: try again in {minutes} minute(s).";
        }

        var user = await users.FindByEmailAsync(email);
        var wasLocked = user is not null && await users.IsLockedOutAsync(user);
        if (user is null || wasLocked)
            unknownAccount.Verify(password); // Identity skips the hash for these: same cost as a wrong password.
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, password, remember, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.Succeeded(address);
            logger.LogInformation("{Email} signed in to the console from {Address}.", email, address);
            return null;
        }

        throttle.Failed(address);
        var reason = user is null ? "no account has this email" : result.IsLockedOut ? "the account is locked out" : "wrong password";
        await FailedAsync(email, address, reason);
        if (user is not null && !wasLocked && result.IsLockedOut) await LockedOutAsync(email, address);
        return Refused;
    }

    private async Task FailedAsync(string email, IPAddress? address, string reason)
    {
        logger.LogWarning("Failed console sign-in for {Email} from {Address}: {Reason}.", email, address, reason);
        await audit.RecordAsync("anonymous", "account.sign-in-failed", Cut(email), $"from {address}: {reason}", CancellationToken.None);
    }

    private async Task LockedOutAsync(string email, IPAddress? address)
    {
        logger.LogWarning("Console account {Email} locked out after repeated wrong passwords (last from {Address}).", email, address);
        await audit.RecordAsync("anonymous", "account.locked-out", Cut(email), $"after repeated wrong passwords, the last from {address}", CancellationToken.None);
    }

    private static string Cut(string email) => email.Length > 320 ? email[..320] : email;
}

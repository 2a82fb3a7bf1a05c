using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security.SignIn;

/// <summary>
/// A password hash checked when no account has the email (or its check was skipped), so a wrong email costs
/// as long as a wrong password and the answer's timing does not tell which accounts exist.
/// </summary>
public sealed class UnknownAccountHash(IOptions<PasswordHasherOptions> options)
{
    // Identity's own hasher with the app's options: the same cost as checking a real account's password.
    private readonly PasswordHasher<ConsoleUser> _hasher = new(options);

    private string? _hash;

    public void Verify(string password)
    {
        _hash ??= _hasher.HashPassword(new ConsoleUser(), Guid.NewGuid().ToString("N"));
        _hasher.VerifyHashedPassword(new ConsoleUser(), _hash, password);
    }
}

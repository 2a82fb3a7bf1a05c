using System.ComponentModel.DataAnnotations;
using Christmas.Core.Audit;
using Christmas.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Core.Accounts;

/// <summary>
/// The Users page's actions: list, add, change role, reset password, remove. Each call gets its own
/// scope (a fresh UserManager and context), since a console circuit lives for hours.
/// The last Admin can never be demoted or removed, so the console cannot lock itself out.
/// </summary>
public sealed class ConsoleUserAdmin(IServiceScopeFactory scopes, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<ConsoleUserView>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var views = new List<ConsoleUserView>(all.Count);
        foreach (var user in all)
        {
            var roles = await users.GetRolesAsync(user);
            views.Add(new ConsoleUserView(user.Id, user.Email ?? user.UserName ?? "", roles.FirstOrDefault() ?? "none",
                user.LockoutEnd > time.GetUtcNow(), user.CreatedAt));
        }
        return views;
    }

    public async Task<Outcome<ConsoleUserView>> AddAsync(string email, string role, string password, string actor, CancellationToken ct)
    {
        email = email.Trim().ToLowerInvariant();
        if (!new EmailAddressAttribute().IsValid(email))
            return Outcome<ConsoleUserView>.Invalid("Enter a valid email address.");
        if (!ConsoleRoles.All.Contains(role)) return Outcome<ConsoleUserView>.Invalid($"Role must be {string.Join(" or ", ConsoleRoles.All)}.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.FindByEmailAsync(email) is not null) return Outcome<ConsoleUserView>.Conflict($"{email} already has an account.");
        var user = new ConsoleUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return Outcome<ConsoleUserView>.Invalid(Describe(created));
        await users.AddToRoleAsync(user, role);
        await audit.RecordAsync(actor, "user.add", email, role, ct);
        return Outcome<ConsoleUserView>.Ok(new ConsoleUserView(user.Id, email, role, false, user.CreatedAt));
    }

    public async Task<Outcome<string>> SetRoleAsync(string userId, string role, string actor, CancellationToken ct)
    {
        if (!ConsoleRoles.All.Contains(role)) return Outcome<string>.Invalid($"Role must be {string.Join(" or ", ConsoleRoles.All)}.");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Outcome<string>.NotFound("That user no longer exists.");
        var current = await users.GetRolesAsync(user);
        if (current.Contains(role)) return Outcome<string>.Ok(role);
        if (current.Contains(ConsoleRoles.Admin) && await IsLastAdminAsync(users))
            return Outcome<string>.Conflict("This is the last Admin: make someone else Admin first.");
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user); // their open sessions end at the next stamp check (minutes), then sign in with the new role
        await audit.RecordAsync(actor, "user.role", user.Email ?? userId, role, ct);
        return Outcome<string>.Ok(role);
    }

    public async Task<Outcome<string>> ResetPasswordAsync(string userId, string password, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Outcome<string>.NotFound("That user no longer exists.");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return Outcome<string>.Invalid(Describe(reset));
        await users.SetLockoutEndDateAsync(user, null);
        await audit.RecordAsync(actor, "user.password-reset", user.Email ?? userId, null, ct);
        return Outcome<string>.Ok(user.Email ?? userId);
    }

    public async Task<Outcome<string>> RemoveAsync(string userId, string actor, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ConsoleUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return Outcome<string>.NotFound("That user no longer exists.");
        if (string.Equals(user.Email, actor, StringComparison.OrdinalIgnoreCase))
            return Outcome<string>.Conflict("You cannot remove your own account.");
        if (await users.IsInRoleAsync(user, ConsoleRoles.Admin) && await IsLastAdminAsync(users))
            return Outcome<string>.Conflict("This is the last Admin and cannot be removed.");
        await users.DeleteAsync(user);
        await audit.RecordAsync(actor, "user.remove", user.Email ?? userId, null, ct);
        return Outcome<string>.Ok(user.Email ?? userId);
    }

    private static async Task<bool> IsLastAdminAsync(UserManager<ConsoleUser> users) =>
        (await users.GetUsersInRoleAsync(ConsoleRoles.Admin)).Count <= 1;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}

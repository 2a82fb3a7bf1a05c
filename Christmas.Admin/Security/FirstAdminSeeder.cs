using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Security;

/// <summary>
/// Creates the roles and the first Admin from <c>Admin:Email</c> / <c>Admin:Password</c> when no user has that
/// email. In Development without a password it generates one and logs it once, so a fresh clone can sign in.
/// </summary>
public sealed class FirstAdminSeeder(
    UserManager<ConsoleUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    IHostEnvironment environment,
    TimeProvider time,
    ILogger<FirstAdminSeeder> logger)
{
    public const string DevelopmentEmail = "admin@localhost";

    public async Task SeedAsync()
    {
        foreach (var role in ConsoleRoles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        var admin = options.Value;
        var email = string.IsNullOrWhiteSpace(admin.Email) ? null : admin.Email.Trim();
        if (email is null && !environment.IsDevelopment())
        {
            if (!users.Users.Any())
                logger.LogWarning("No console user exists and Admin:Email is unset: set Admin:Email and Admin:Password to create the first Admin.");
            return;
        }
        email ??= DevelopmentEmail;
        if (await users.FindByEmailAsync(email) is not null) return;

        var password = admin.Password;
        var generated = string.IsNullOrEmpty(password);
        if (generated && !environment.IsDevelopment())
        {
            logger.LogWarning("Admin:Email is set but Admin:Password is not: the first Admin was not created.");
            return;
        }
        if (generated) password = PasswordGenerator.Generate();

        var user = new ConsoleUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = time.GetUtcNow().UtcDateTime };
        Check(await users.CreateAsync(user, password!), $"the first Admin {email}");
        Check(await users.AddToRoleAsync(user, ConsoleRoles.Admin), $"the Admin role of {email}");
        if (generated)
            logger.LogWarning("Created the console Admin {Email} with the generated password {Password} (shown once; set Admin:Password to choose one).",
                email, password);
        else
            logger.LogInformation("Created the console Admin {Email}.", email);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }
}

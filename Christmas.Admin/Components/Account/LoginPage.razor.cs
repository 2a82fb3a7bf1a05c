using System.ComponentModel.DataAnnotations;
using Christmas.Core.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace Christmas.Admin.Components.Account;

public partial class LoginPage
{
    [Inject] private SignInManager<ConsoleUser> SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<LoginPage> Logger { get; set; } = default!;

    [SupplyParameterFromForm] private LoginInput? Input { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    private string? Error { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var input = Input!;
        var result = await SignIn.PasswordSignInAsync(input.Email.Trim(), input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Logger.LogInformation("{Email} signed in to the console.", input.Email.Trim());
            Navigation.NavigateTo(LocalReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }
        Error = result.IsLockedOut
            ? "Too many wrong passwords: this account is locked for 5 minutes."
            : "That email and password do not match an account.";
    }

    /// <summary>Only paths on this site, so the login page cannot be used to send people elsewhere.</summary>
    public static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)) return "/";
        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        return path.StartsWith("//") || path.StartsWith("/\\") || path.StartsWith("/account/") ? "/" : path;
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}

using System.ComponentModel.DataAnnotations;
using Christmas.Admin.Security.SignIn;
using Microsoft.AspNetCore.Components;

namespace Christmas.Admin.Components.Account;

public partial class LoginPage
{
    [Inject] private ConsoleSignIn SignIn { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [SupplyParameterFromForm] private LoginInput? Input { get; set; }
    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    private string? Error { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    private async Task SignInAsync()
    {
        var input = Input!;
        Error = await SignIn.SignInAsync(input.Email, input.Password, input.RememberMe, HttpContext?.Connection.RemoteIpAddress);
        if (Error is null) Navigation.NavigateTo(LocalReturnUrl(ReturnUrl), forceLoad: true);
    }

    /// <summary>
    /// Only paths on this site, so the login page cannot be used to send people elsewhere; percent-encoded,
    /// since a redirect's Location header takes ASCII only (an accented path answered 500).
    /// </summary>
    public static string LocalReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl)) return "/";
        var path = returnUrl.StartsWith('/') ? returnUrl : "/" + returnUrl;
        if (path.StartsWith("//") || path.StartsWith("/\\") || path.StartsWith("/account/")) return "/";
        var site = new Uri("http://console.invalid");
        return Uri.TryCreate(site, path, out var local) && local.Host == site.Host
            ? local.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)
            : "/";
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

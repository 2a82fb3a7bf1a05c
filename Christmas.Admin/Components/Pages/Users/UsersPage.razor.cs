using Christmas.Admin.Security;
using Christmas.Core.Accounts;
using Christmas.Core.Common;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Christmas.Admin.Components.Pages.Users;

/// <summary>Admins add people, change roles, reset passwords and remove accounts; there is no public registration.</summary>
public partial class UsersPage
{
    [Inject] private ConsoleUserAdmin Admin { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState> Auth { get; set; } = default!;

    private IReadOnlyList<ConsoleUserView> Users { get; set; } = [];
    private string NewEmail { get; set; } = "";
    private string NewRole { get; set; } = ConsoleRoles.Marketer;
    private (string Email, string Password)? ShownPassword { get; set; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => Users = await Admin.ListAsync(CancellationToken.None);

    private async Task<string> ActorAsync() => (await Auth).User.ActorName();

    private async Task AddAsync()
    {
        var password = PasswordGenerator.Generate();
        var added = await Admin.AddAsync(NewEmail, NewRole, password, await ActorAsync(), CancellationToken.None);
        if (Report(added, $"Added {NewEmail.Trim()} as {NewRole}.")) ShownPassword = (added.Value!.Email, password);
        if (added.Kind == OutcomeKind.Ok) NewEmail = "";
        await LoadAsync();
    }

    private async Task SetRoleAsync(ConsoleUserView user, string role)
    {
        Report(await Admin.SetRoleAsync(user.Id, role, await ActorAsync(), CancellationToken.None), $"{user.Email} is now {role}.");
        await LoadAsync();
    }

    private async Task ResetAsync(ConsoleUserView user)
    {
        if (await Dialogs.ShowMessageBoxAsync("Reset password?", $"{user.Email} gets a new generated password.", yesText: "Reset", cancelText: "Cancel") != true) return;
        var password = PasswordGenerator.Generate();
        if (Report(await Admin.ResetPasswordAsync(user.Id, password, await ActorAsync(), CancellationToken.None), $"New password set for {user.Email}."))
            ShownPassword = (user.Email, password);
    }

    private async Task RemoveAsync(ConsoleUserView user)
    {
        if (await Dialogs.ShowMessageBoxAsync("Remove user?", $"{user.Email} will no longer be able to sign in.", yesText: "Remove", cancelText: "Cancel") != true) return;
        Report(await Admin.RemoveAsync(user.Id, await ActorAsync(), CancellationToken.None), $"Removed {user.Email}.");
        await LoadAsync();
    }

    private bool Report<T>(Outcome<T> outcome, string success)
    {
        Snackbar.Add(outcome.Kind == OutcomeKind.Ok ? success : outcome.Error!, outcome.Kind == OutcomeKind.Ok ? Severity.Success : Severity.Error);
        return outcome.Kind == OutcomeKind.Ok;
    }
}

using Christmas.Core.Accounts;
using Hangfire.Dashboard;

namespace Christmas.Admin.Security;

/// <summary>Defence in depth behind the endpoint's AdminOnly policy: the dashboard never opens to anyone else.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.IsInRole(ConsoleRoles.Admin);
}

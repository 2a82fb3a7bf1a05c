using Hangfire.Dashboard;

namespace Christmas.Admin.Security;

/// <summary>Defence in depth behind the endpoint's Operator policy: the dashboard never opens to an anonymous caller.</summary>
public sealed class HangfireDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.Identity?.IsAuthenticated == true;
}

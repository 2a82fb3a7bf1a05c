using Christmas.Tests.Fixtures;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Christmas.Tests.Admin.Api;

/// <summary>The daily purge is a Hangfire recurring job on <c>Retention:Schedule</c>; a bad value stops the start with a message naming the key.</summary>
public sealed class RetentionScheduleTests
{
    [Fact]
    public async Task TheDailyPurge_IsOnHangfiresRecurringSchedule_At0330Utc()
    {
        await using var app = await TestApp.StartAsync();

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == "retention-purge");
        Assert.Equal("30 3 * * *", job.Cron);
        Assert.Equal("UTC", job.TimeZoneId);
    }

    [Fact]
    public async Task ABadSchedule_StopsTheStart_NamingTheKey()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Retention:Schedule"] = "every night" }));

        Assert.Contains("Retention:Schedule \"every night\" is not a cron expression", failure.ToString());
    }
}

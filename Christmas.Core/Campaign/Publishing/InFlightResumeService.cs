using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Christmas.Core.Campaign.Publishing;

/// <summary>Runs <see cref="InFlightResume"/> once at start-up (after the database is initialised), in the background.</summary>
public sealed class InFlightResumeService(InFlightResume resume, ILogger<InFlightResumeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await resume.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Resuming an unfinished in-flight publish failed; it is tried again at the next start");
        }
    }
}

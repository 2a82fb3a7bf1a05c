using Christmas.Core.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Christmas.Admin.Extensions;

/// <summary>
/// Last line of defence: a malformed request (bad query value, broken body) is the caller's 400, a
/// database that cannot be written a 503 (retry later), anything else a logged error with an id;
/// exception text never reaches the caller.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            context.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = bad.StatusCode, Title = "Bad Request", Detail = bad.Message },
            });
        }
        var errorId = Guid.NewGuid().ToString("N")[..12];
        if (StorageFault.IsStorageFailure(exception))
        {
            // A full disk or a read-only database is the operator's to fix, and the caller's to retry later.
            logger.LogError(exception, "{Method} {Path} could not be stored: {Cause}; answered 503 (error id {ErrorId})",
                context.Request.Method, context.Request.Path, StorageFault.Describe(exception), errorId);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 503, Title = "Service Unavailable", Detail = $"The change could not be stored and nothing was changed; retry shortly (error id {errorId})." },
            });
        }
        logger.LogError(exception, "Unhandled error {ErrorId} on {Method} {Path}", errorId, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 500, Title = "Something went wrong", Detail = $"The error was logged with id {errorId}." },
        });
    }
}

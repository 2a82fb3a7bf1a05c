using Christmas.Admin.ApiDocs;
using System.Buffers;
using Christmas.Core.Delivery.Events;
using Christmas.Core.Delivery.Resend;
using Microsoft.Extensions.Options;

namespace Christmas.Admin.Endpoints;

/// <summary>
/// <c>POST /api/resend/webhooks</c>: Resend's delivery events, Svix-signed (anonymous; the signature
/// is the credential). Answered 200 once the raw event is committed; applying it is the delivery
/// loop's work, so Resend never waits on it. Without <c>Resend:WebhookSecret</c> every call is refused
/// with 401: an unsigned event could suppress any address.
/// </summary>
public static class ResendWebhookEndpoints
{
    public const int MaxBytes = 256 * 1024;

    public sealed record ReceivedView(long? Id, bool Duplicate);

    public static IEndpointRouteBuilder MapResendWebhooks(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/resend").WithTags("Delivery events").AllowAnonymous()
            .MapPost("/webhooks", ReceiveAsync).DisableAntiforgery()
            .WithSummary("Resend's delivery events (Svix-signed)")
            .WithDescription("Recorded raw and answered once committed; a redelivered svix-id is answered `duplicate: true`.")
            .DocumentsJsonBody<System.Text.Json.Nodes.JsonObject>()
            .Produces<ReceivedView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, IOptions<ResendOptions> options, DeliveryEventIntake intake,
        TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        var logger = logs.CreateLogger(typeof(ResendWebhookEndpoints));
        if (string.IsNullOrWhiteSpace(options.Value.WebhookSecret))
        {
            logger.LogWarning("A delivery event was refused: Resend:WebhookSecret is not set");
            return Problem(StatusCodes.Status401Unauthorized, "Delivery webhooks are not configured: set Resend:WebhookSecret to the endpoint's whsec_ signing secret.");
        }
        if (request.ContentLength > MaxBytes) return TooLarge();
        var body = await ReadAsync(request, ct);
        if (body is null) return TooLarge();

        var headers = request.Headers;
        var svixId = headers["svix-id"].ToString();
        if (SvixSignature.Verify(options.Value.WebhookSecret, svixId, headers["svix-timestamp"], headers["svix-signature"], body, time.GetUtcNow()) is { } why)
        {
            logger.LogWarning("A delivery event was refused: {Reason}", why);
            return Problem(StatusCodes.Status401Unauthorized, "The Svix signature is missing, invalid or stale.");
        }
        if (svixId.Length > 100) return Problem(StatusCodes.Status400BadRequest, "svix-id must be at most 100 characters.");
        if (DeliveryEventIntake.Parse(body, out var error) is not { } parsed)
            return Problem(StatusCodes.Status400BadRequest, error!);
        var (type, emailId, occurredAt) = parsed;

        var recorded = await intake.RecordAsync(svixId, type, emailId, occurredAt, body, ct);
        return TypedResults.Ok(new ReceivedView(recorded.Id, recorded.Duplicate));
    }

    /// <returns>The raw body (the signature covers its exact bytes), or null when it is over <see cref="MaxBytes"/>.</returns>
    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = await JsonBody.ReadUpToAsync(request.Body, buffer, MaxBytes, ct);
            return length > MaxBytes ? null : buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult TooLarge() => Problem(StatusCodes.Status413PayloadTooLarge, $"The body must be at most {MaxBytes / 1024} KiB.");

    private static IResult Problem(int status, string detail) => TypedResults.Problem(statusCode: status, detail: detail);
}

namespace Christmas.Core.Delivery.Resend;

/// <summary>Puts every HTTP attempt to Resend (inside the retry loop) through the shared <see cref="RequestRateGate"/>.</summary>
public sealed class RateLimitedHandler(RequestRateGate gate) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await gate.AcquireAsync(cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}

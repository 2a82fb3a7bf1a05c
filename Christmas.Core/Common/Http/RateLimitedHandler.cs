namespace Christmas.Core.Common.Http;

/// <summary>Puts every HTTP attempt to a provider (inside the retry loop) through its shared <see cref="RequestRateGate"/>.</summary>
public sealed class RateLimitedHandler<TGate>(TGate gate) : DelegatingHandler where TGate : RequestRateGate
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await gate.AcquireAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        gate.Observe(response);
        return response;
    }
}

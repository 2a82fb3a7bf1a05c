using Christmas.Core.Common.Http;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Delivery.Resend;

/// <summary>Resend's team-wide limit, <see cref="ResendOptions.RequestsPerSecond"/>, shared by every worker.</summary>
public sealed class ResendRateGate(IOptions<ResendOptions> options) : RequestRateGate(() => options.Value.RequestsPerSecond);

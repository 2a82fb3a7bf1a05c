using Christmas.Core.Common.Http;
using Microsoft.Extensions.Options;

namespace Christmas.Core.Notion.Client;

/// <summary>The one request budget (<see cref="NotionOptions.RequestsPerSecond"/>) every Notion caller shares.</summary>
public sealed class NotionRateGate(IOptions<NotionOptions> options) : RequestRateGate(() => options.Value.RequestsPerSecond);

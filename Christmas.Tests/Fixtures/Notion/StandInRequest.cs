namespace Christmas.Tests.Fixtures.Notion;

/// <summary>
/// One request the stand-in received, with the status it finally answered
/// (0: never answered, a <see cref="NotionStandIn.HangNext"/> the client gave up on).
/// </summary>
public sealed record StandInRequest(DateTimeOffset At, string Method, string Path, int Status, string? Body);

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>A failure a test scripted: an error status and code, or <see cref="Hang"/> (never answer).</summary>
internal sealed record ScriptedFault(int Status, string Code)
{
    public static readonly ScriptedFault Hang = new(0, "hang");
    public bool Hangs => Status == 0;
}

using System.Text.Json.Nodes;

namespace Christmas.Tests.Fixtures.Notion;

/// <summary>What the stand-in answers: a status and a JSON body.</summary>
internal sealed record Answer(int Status, JsonNode Body);

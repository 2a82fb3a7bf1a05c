namespace Christmas.Core.Campaign.Definition;

public enum DefinitionFormat
{
    Json,
    Yaml,
}

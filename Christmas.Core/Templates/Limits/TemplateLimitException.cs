namespace Christmas.Core.Templates.Limits;

/// <summary>A render stopped by <see cref="TemplateLimits"/>; the message says which limit, for the editor and the step.</summary>
public sealed class TemplateLimitException(string message) : Exception(message);

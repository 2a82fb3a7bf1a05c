namespace Christmas.Core.Sequences;

/// <summary>An operation asked for a status change the step's current status does not allow.</summary>
public sealed class InvalidStepTransitionException(string message) : InvalidOperationException(message);

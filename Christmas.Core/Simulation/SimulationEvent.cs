using Christmas.Core.Sequences;

namespace Christmas.Core.Simulation;

/// <summary>Something that happens at a moment of virtual time.</summary>
internal abstract record SimulationEvent;

/// <summary>A webhook call arrives.</summary>
internal sealed record CallArrives(SimulatedCall Call) : SimulationEvent;

/// <summary>A step is due: the dispatcher hands it to the send job.</summary>
internal sealed record StepDue(SimulatedContact Person, Sequence Sequence, Step Step) : SimulationEvent;

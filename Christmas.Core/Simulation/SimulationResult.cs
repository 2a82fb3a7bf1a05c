namespace Christmas.Core.Simulation;

/// <summary>What the campaign would do over the simulated days; nothing of it was written or sent.</summary>
/// <param name="Mode">The mode new sequences start in (production or testing).</param>
/// <param name="Later">Steps still scheduled after <paramref name="End"/> (outside the simulated days).</param>
public sealed record SimulationResult(
    DateTime Start,
    DateTime End,
    string Mode,
    SimulationRules Rules,
    int Contacts,
    int Sequences,
    IReadOnlyList<SimulatedSend> Sends,
    IReadOnlyList<SimulatedSkip> Skipped,
    IReadOnlyList<SimulationDay> Days,
    int Later,
    IReadOnlyList<string> Warnings);

/// <summary>The send rules the simulation played with.</summary>
public sealed record SimulationRules(string? QuietHours, string? MinimumGap, DateTime? OfferEndsAt, string TimeZone);

/// <summary>An email that would go out, with its rendered subject.</summary>
public sealed record SimulatedSend(string Email, string Sequence, int Number, DateTime SendAt, string Subject, string TemplateKey);

/// <summary>An email (or a whole sequence, <paramref name="Number"/> null) that would not go out, and why.</summary>
public sealed record SimulatedSkip(string Email, string Sequence, int? Number, DateTime At, string Reason);

/// <summary>One day of the calendar (in <c>Campaign:DefaultTimeZone</c>): emails per sequence kind.</summary>
public sealed record SimulationDay(DateOnly Date, IReadOnlyDictionary<string, int> BySequence, int Total);

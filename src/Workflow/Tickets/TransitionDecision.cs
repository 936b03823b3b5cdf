namespace TicketFlow.Workflow.Tickets;

/// <summary>The answer of <see cref="TicketTransitions.Check"/>: allowed with the next status, or refused with a reason.</summary>
/// <param name="Allowed">Whether the event may be applied.</param>
/// <param name="NextStatus">The status after the event (the current one when refused).</param>
/// <param name="Reason">Why the event was refused; null when allowed.</param>
public sealed record TransitionDecision(bool Allowed, TicketStatus? NextStatus, string? Reason)
{
    /// <summary>An allowed event and the status it leads to.</summary>
    /// <param name="next">The next status.</param>
    /// <returns>The decision.</returns>
    public static TransitionDecision Allow(TicketStatus next) => new(true, next, null);

    /// <summary>A refused event and why.</summary>
    /// <param name="reason">A sentence a user can act on.</param>
    /// <returns>The decision.</returns>
    public static TransitionDecision Refuse(string reason) => new(false, null, reason);
}

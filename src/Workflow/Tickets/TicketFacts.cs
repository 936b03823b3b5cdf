namespace TicketFlow.Workflow.Tickets;

/// <summary>What the transition table's guards need to know about a ticket besides its status.</summary>
/// <param name="Status">The ticket's current status.</param>
/// <param name="IwpHasBlockingFinding">Whether the signed IWP has a blocking compliance finding.</param>
/// <param name="AssignsInTicketPortal">
/// Whether the EN has Ticket Portal rights (Program Integrity no longer reviews its IWPs before assignment).
/// </param>
/// <param name="StatusSince">
/// The date the ticket entered its current status; an event may not be dated before it (a contact attempt cannot
/// precede the assignment it belongs to). Later events may be logged late, in any order, after that date.
/// </param>
/// <param name="ContactAttempts">
/// For an assigned ticket, the contact attempts on record towards an unassignment for lost contact (counted with the
/// rulebook's cadence); null when not counted (then the workflow, which always counts them, decides).
/// </param>
/// <param name="LastEventId">
/// The id of the last event message the workflow took from its queue, applied or refused (null before the first, or
/// when it came without one): these facts include that event and every event sent before it.
/// </param>
/// <param name="EventsTaken">
/// How many event messages the workflow has taken from its queue: of two readings of the facts, the one with more is
/// the newer.
/// </param>
public sealed record TicketFacts(
    TicketStatus Status,
    bool IwpHasBlockingFinding,
    bool AssignsInTicketPortal,
    DateOnly? StatusSince,
    Contacts.ContactAttemptCount? ContactAttempts = null,
    string? LastEventId = null,
    long EventsTaken = 0);

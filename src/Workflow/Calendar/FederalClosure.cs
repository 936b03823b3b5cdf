namespace TicketFlow.Workflow.Calendar;

/// <summary>A one-off closure of executive departments and agencies ordered by the President.</summary>
/// <param name="Date">The day offices are closed.</param>
/// <param name="Name">A name containing the word "closure", as <c>ticketflow holidays</c> lists it.</param>
/// <param name="Authority">What ordered it, for the reader who wants to check.</param>
public sealed record FederalClosure(DateOnly Date, string Name, string Authority);

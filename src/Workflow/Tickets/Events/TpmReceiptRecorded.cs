namespace TicketFlow.Workflow.Tickets.Events;

/// <summary>The TPM confirmed receipt of the submitted IWP: Program Integrity's review clock starts.</summary>
/// <param name="On">The receipt date.</param>
/// <param name="Actor">Who reported it.</param>
public sealed record TpmReceiptRecorded(DateOnly On, string Actor) : TicketEvent(On, Actor);

using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Api.Tickets;

/// <summary>A ticket as a request that changes it sees it: the caller's EN and the facts the ticket's workflow published.</summary>
/// <param name="En">The caller's EN.</param>
/// <param name="Facts">The facts the transition table reads.</param>
internal sealed record WorkflowTicket(EmploymentNetwork En, TicketFacts Facts);

using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// A ticket as its workflow last published it: whether it exists for the caller's EN, and the facts the transition
/// table reads. Endpoints check an event against these before they write anything, so the API refuses exactly what
/// the workflow would (a status, a date before the current status began, a blocking IWP finding), from one read of
/// the durable store on this host.
/// </summary>
internal static class TicketWorkflow
{
    /// <summary>
    /// The caller's EN and the ticket's facts, or the answer that stops the request (404 as for a missing ticket, 409
    /// for a stopped workflow).
    /// </summary>
    public static async Task<(WorkflowTicket? Ticket, IResult? Problem)> FindAsync(
        DurableTaskClient client, IEmploymentNetworkRepository networks, ITicketRepository tickets, string enPid, string ticketNumber, CancellationToken ct)
    {
        if (await networks.FindAsync(enPid, ct) is not { } en)
        {
            return (null, NotFound(ticketNumber));
        }

        var workflow = await client.GetInstanceAsync(TicketInstanceId.For(enPid, ticketNumber), getInputsAndOutputs: true, ct);
        // Microsoft's IsRunning is Running only: a just-scheduled (Pending) or Suspended workflow is alive too.
        if (workflow is null || workflow.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended))
        {
            // A completed workflow means the ticket's records were disposed of; a failed or terminated one leaves the
            // ticket with nothing to apply an event to, which an operator must see.
            return workflow is null || workflow.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                || await tickets.FindAsync(enPid, ticketNumber, ct) is null
                ? (null, NotFound(ticketNumber))
                : (null, TypedResults.Problem($"The ticket's workflow is {workflow.RuntimeStatus}; an operator must restart it before events can be recorded.",
                    statusCode: 409, title: "Not allowed in the ticket's current state"));
        }

        // Before its first turn a new ticket's workflow has published nothing yet: it is Registered.
        var progress = workflow.ReadCustomStatusAs<TicketProgress>();
        return (new WorkflowTicket(en, progress?.Facts ?? new TicketFacts(progress?.Status ?? TicketStatus.Registered, false, en.AssignsInTicketPortal, null)), null);
    }

    /// <summary>The 404 of a ticket that is missing or belongs to another EN (the same words for both).</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string ticketNumber) =>
        TypedResults.Problem($"There is no ticket {ticketNumber}.", statusCode: 404, title: "Not found");
}

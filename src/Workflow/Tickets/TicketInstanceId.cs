namespace TicketFlow.Workflow.Tickets;

/// <summary>
/// The readable orchestration instance ids of tickets: <c>ticket:{enPid}:{ticketNumber}</c>. The EN comes first so
/// that one EN's instances share a prefix.
/// </summary>
public static class TicketInstanceId
{
    /// <summary>The instance id of a ticket.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <returns>The instance id.</returns>
    public static string For(string enPid, string ticketNumber) => $"ticket:{enPid}:{ticketNumber}";

    /// <summary>The prefix shared by every ticket instance of an EN.</summary>
    /// <param name="enPid">The EN.</param>
    /// <returns>The prefix.</returns>
    public static string PrefixFor(string enPid) => $"ticket:{enPid}:";
}

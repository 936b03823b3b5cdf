namespace TicketFlow.Workflow.Documents;

/// <summary>
/// The folder ids documents are stored under. Names come from ids (the EN's PID and the ticket or dispute number,
/// both validated when registered), never from a user's file name.
/// </summary>
public static class DocumentFolders
{
    /// <summary>The folder of a ticket's documents (IWPs, amendments, S&amp;S packages).</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <returns>The folder id.</returns>
    public static string ForTicket(string enPid, string ticketNumber) => $"{enPid}_{ticketNumber}";

    /// <summary>The folder of a dispute's papers.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="disputeId">The dispute.</param>
    /// <returns>The folder id.</returns>
    public static string ForDispute(string enPid, string disputeId) => $"{enPid}_dispute-{disputeId}";
}

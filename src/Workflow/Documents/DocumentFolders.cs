using System.Globalization;

namespace TicketFlow.Workflow.Documents;

/// <summary>
/// The folder ids documents are stored under. Names come from ids (the EN's PID and the ticket or dispute number,
/// both validated when registered), never from a user's file name. Ids may contain every character a folder id may
/// ('.', '_', '-'), so no separator alone keeps two ENs apart ("P10001_X" + "T1" and "P10001" + "X_T1" would meet):
/// a folder id starts with what it holds ('t' a ticket, 'd' a dispute) and the PID's length, then the PID and the
/// number, which makes it unambiguous by construction.
/// </summary>
public static class DocumentFolders
{
    /// <summary>The folder of a ticket's documents (IWPs, amendments, S&amp;S packages).</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="ticketNumber">The ticket.</param>
    /// <returns>The folder id, for example <c>t6-P00001-T-1001</c>.</returns>
    public static string ForTicket(string enPid, string ticketNumber) => Folder('t', enPid, ticketNumber);

    /// <summary>The folder of a dispute's papers.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="disputeId">The dispute.</param>
    /// <returns>The folder id, for example <c>d6-P00001-D-7</c>.</returns>
    public static string ForDispute(string enPid, string disputeId) => Folder('d', enPid, disputeId);

    private static string Folder(char kind, string enPid, string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(enPid);
        ArgumentException.ThrowIfNullOrEmpty(id);
        return string.Create(CultureInfo.InvariantCulture, $"{kind}{enPid.Length}-{enPid}-{id}");
    }
}

using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>
/// Everything for one ticket shares one partition of the Tickets table, so a ticket's records are one query and its
/// disposal one sweep: the ticket row, its IWP records (<c>iwp|…</c>), its case notes (<c>note|…</c>) and its monthly earnings (<c>earnings|yyyy-MM</c>).
/// </summary>
internal static class TicketPartition
{
    public const string TicketRow = "ticket";
    public const string IwpPrefix = "iwp|";
    public const string NotePrefix = "note|";
    public const string EarningsPrefix = "earnings|";

    public static string Key(string enPid, string ticketNumber) => TableKeys.Create(enPid, ticketNumber);

    /// <summary>A filter for every ticket partition of one EN (keys start with the escaped PID and the separator).</summary>
    public static string OfEn(string enPid)
    {
        var prefix = TableKeys.Escape(enPid) + TableKeys.Separator;
        return TableClient.CreateQueryFilter($"PartitionKey ge {prefix} and PartitionKey lt {prefix + '\uffff'} and RowKey eq {TicketRow}");
    }
}

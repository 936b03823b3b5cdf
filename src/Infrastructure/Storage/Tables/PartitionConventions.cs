using System.Globalization;
using Azure.Data.Tables;

namespace TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// The partition and row key conventions the record stores use, chosen for the queries users run
/// (see src/Infrastructure/Storage/README.md):
/// everything for one ticket is one partition (ticket|{id}), rows {kind}|{sort}|{id}, so a ticket's case file is one
/// query and can change atomically in one transaction; everything due for one EN is one partition
/// (en-deadlines|{enId}), rows {yyyy-MM-dd}|{id}, so "due between two dates" is one range query in date order.
/// </summary>
public static class PartitionConventions
{
    /// <summary>The partition holding every record of one ticket.</summary>
    /// <param name="ticketId">The ticket id.</param>
    /// <returns>The partition key.</returns>
    public static string Ticket(string ticketId) => TableKeys.Create("ticket", ticketId);

    /// <summary>A row in a ticket's partition: record kind, then a sort key (often a date), then the record id.</summary>
    /// <param name="recordKind">E.g. contact, iwp, dispute, audit.</param>
    /// <param name="sortKey">Orders rows of one kind, e.g. yyyy-MM-dd or a sequence number padded to fixed width.</param>
    /// <param name="recordId">The record's id.</param>
    /// <returns>The row key.</returns>
    public static string TicketRow(string recordKind, string sortKey, string recordId) => TableKeys.Create(recordKind, sortKey, recordId);

    /// <summary>A ticket row whose sort key is a date.</summary>
    /// <param name="recordKind">The record kind.</param>
    /// <param name="date">The date the rows sort by.</param>
    /// <param name="recordId">The record's id.</param>
    /// <returns>The row key.</returns>
    public static string TicketRow(string recordKind, DateOnly date, string recordId) => TicketRow(recordKind, Day(date), recordId);

    /// <summary>The partition holding everything due for one Employment Network.</summary>
    /// <param name="employmentNetworkId">The EN id.</param>
    /// <returns>The partition key.</returns>
    public static string EmploymentNetworkDeadlines(string employmentNetworkId) => TableKeys.Create("en-deadlines", employmentNetworkId);

    /// <summary>A deadline row: the due date first, so rows sort by date.</summary>
    /// <param name="dueDate">The due date.</param>
    /// <param name="deadlineId">The deadline's id (unique within the EN).</param>
    /// <returns>The row key.</returns>
    public static string DeadlineRow(DateOnly dueDate, string deadlineId) => TableKeys.Create(Day(dueDate), deadlineId);

    /// <summary>The filter for every record of one ticket.</summary>
    /// <param name="ticketId">The ticket id.</param>
    /// <returns>The OData filter.</returns>
    public static string EverythingForTicket(string ticketId) => TableClient.CreateQueryFilter($"PartitionKey eq {Ticket(ticketId)}");

    /// <summary>The filter for one kind of record of one ticket (a row-key prefix range).</summary>
    /// <param name="ticketId">The ticket id.</param>
    /// <param name="recordKind">The record kind.</param>
    /// <returns>The OData filter.</returns>
    public static string TicketRecordsOfKind(string ticketId, string recordKind)
    {
        var prefix = TableKeys.Escape(recordKind) + TableKeys.Separator;
        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {Ticket(ticketId)} and RowKey ge {prefix} and RowKey lt {PrefixUpperBound(prefix)}");
    }

    /// <summary>The filter for an EN's deadlines due from <paramref name="from"/> to <paramref name="through"/>, both inclusive.</summary>
    /// <param name="employmentNetworkId">The EN id.</param>
    /// <param name="from">The first day.</param>
    /// <param name="through">The last day.</param>
    /// <returns>The OData filter.</returns>
    public static string DeadlinesDueBetween(string employmentNetworkId, DateOnly from, DateOnly through)
    {
        if (through < from)
        {
            throw new ArgumentException($"The range ends ({through:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(through));
        }

        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {EmploymentNetworkDeadlines(employmentNetworkId)} and RowKey ge {Day(from)} and RowKey lt {Day(through.AddDays(1))}");
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // The smallest string greater than every string starting with the prefix: the last character plus one.
    private static string PrefixUpperBound(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);
}

using System.Text.Json.Serialization;
using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Earnings;

/// <summary>
/// A ticketholder's gross earnings for one calendar month, as staff recorded them, with where the figure comes from and
/// the document that shows it when there is one. One record per month: recording a month again corrects it.
/// </summary>
/// <param name="EnPid">The EN.</param>
/// <param name="TicketNumber">The ticket.</param>
/// <param name="Month">The month, as its first day (2026-03-01 is March 2026).</param>
/// <param name="GrossAmount">Gross earnings for the month, in US dollars.</param>
/// <param name="Source">Pay stub, employer report or the ticketholder's statement.</param>
/// <param name="StaffId">Who recorded it.</param>
/// <param name="Document">The evidence document, when one was uploaded.</param>
/// <param name="RecordedAt">When it was recorded.</param>
public sealed record MonthlyEarnings(
    string EnPid,
    string TicketNumber,
    DateOnly Month,
    decimal GrossAmount,
    MonthlyEarningsSource Source,
    string StaffId,
    DocumentReference? Document,
    DateTimeOffset RecordedAt)
{
    /// <summary>The month as yyyy-MM, the record's key within the ticket.</summary>
    [JsonIgnore]
    public string MonthKey => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}

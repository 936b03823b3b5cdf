using TicketFlow.Workflow.Earnings;

namespace TicketFlow.Api.Earnings;

/// <summary>A month's gross earnings as staff record them, with the evidence document when there is one.</summary>
/// <param name="Month">The calendar month, yyyy-MM.</param>
/// <param name="GrossAmount">Gross earnings for the month, US dollars (0 or more).</param>
/// <param name="Source">PayStub, EmployerReport or TicketholderStatement.</param>
/// <param name="StaffId">Who records it.</param>
/// <param name="Document">The pay stub, employer report or signed statement, when there is one.</param>
public sealed record RecordEarningsRequest(string Month, decimal GrossAmount, MonthlyEarningsSource Source, string StaffId, EarningsDocument? Document = null);

namespace TicketFlow.Workflow.Earnings;

/// <summary>Where a month's gross earnings figure comes from.</summary>
public enum MonthlyEarningsSource
{
    /// <summary>The ticketholder's pay stub (or stubs) for the month.</summary>
    PayStub,

    /// <summary>A report from the employer (a payroll statement, The Work Number and the like).</summary>
    EmployerReport,

    /// <summary>The ticketholder's own statement of what they earned.</summary>
    TicketholderStatement,
}

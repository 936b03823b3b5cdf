namespace TicketFlow.Workflow.Iwps;

/// <summary>Part One: the Employment Network.</summary>
public sealed record IwpEmploymentNetwork
{
    /// <summary>The EN's name.</summary>
    public string? Name { get; init; }

    /// <summary>The Provider Identification Number (PID) SSA assigned to the EN.</summary>
    public string? Pid { get; init; }

    /// <summary>The business model under which this ticketholder is served (ENs with several must name one).</summary>
    public string? BusinessModel { get; init; }

    /// <summary>True when the business model limits services to part-time employment only (not allowed).</summary>
    public bool PartTimeEmploymentOnly { get; init; }

    /// <summary>The EN staff member the ticketholder contacts.</summary>
    public string? ContactName { get; init; }

    /// <summary>Telephone.</summary>
    public string? Phone { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Postal address.</summary>
    public string? Address { get; init; }
}

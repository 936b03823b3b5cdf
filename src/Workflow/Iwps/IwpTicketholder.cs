namespace TicketFlow.Workflow.Iwps;

/// <summary>Part One: the ticketholder. No Social Security number is kept in the plan file.</summary>
public sealed record IwpTicketholder
{
    /// <summary>Full name.</summary>
    public string? Name { get; init; }

    /// <summary>Telephone.</summary>
    public string? Phone { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }

    /// <summary>Postal address.</summary>
    public string? Address { get; init; }

    /// <summary>True for a statutorily blind ticketholder, whose SGA amount is the higher "blind" figure.</summary>
    public bool StatutorilyBlind { get; init; }
}

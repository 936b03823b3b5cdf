namespace TicketFlow.Workflow.Iwps;

/// <summary>Part One: someone the EN may contact when it cannot reach the ticketholder.</summary>
public sealed record IwpAlternateContact
{
    /// <summary>Full name.</summary>
    public string? Name { get; init; }

    /// <summary>Relationship to the ticketholder.</summary>
    public string? Relationship { get; init; }

    /// <summary>Telephone.</summary>
    public string? Phone { get; init; }

    /// <summary>Email address.</summary>
    public string? Email { get; init; }
}

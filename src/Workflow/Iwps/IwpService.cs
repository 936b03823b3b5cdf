namespace TicketFlow.Workflow.Iwps;

/// <summary>One service box: whether it is checked and, if so, what the EN will do.</summary>
public sealed record IwpService
{
    /// <summary>Which box.</summary>
    public IwpServiceKind? Service { get; init; }

    /// <summary>True when the EN will provide this service.</summary>
    public bool Checked { get; init; }

    /// <summary>What the EN will do and how it helps the ticketholder reach the goals (required for a checked box).</summary>
    public string? Description { get; init; }
}

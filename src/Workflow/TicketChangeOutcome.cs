namespace TicketFlow.Workflow;

/// <summary>The audit outcome of an applied change (a refused one says "refused: " and why).</summary>
public static class TicketChangeOutcome
{
    /// <summary>The change was applied.</summary>
    public const string Done = "done";
}

namespace TicketFlow.Workflow.Iwps;

/// <summary>How much a finding matters.</summary>
public enum FindingSeverity
{
    /// <summary>The IWP is not compliant (or not valid) as it stands: fix before submitting.</summary>
    Blocking,

    /// <summary>The IWP may pass, but Program Integrity guidance asks for better; review it.</summary>
    Advisory,
}

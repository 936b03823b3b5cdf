namespace TicketFlow.Workflow.Rules;

/// <summary>Plain-language descriptions of <see cref="ClockStart"/> values, as the rulebook and the command line print them.</summary>
public static class ClockStartDescriptions
{
    /// <summary>The plain-language description of what starts the clock.</summary>
    public static string Describe(this ClockStart clockStart) => clockStart switch
    {
        ClockStart.LaterSignatureDate => "the later of the EN's and the ticketholder's signature dates on the IWP",
        ClockStart.IwpReceiptDate => "the date the TPM received the IWP",
        ClockStart.LastTwoWayContact => "the date of the last two-way contact with the ticketholder",
        ClockStart.InitialContactAttempt => "the date of the initial contact attempt without two-way contact",
        ClockStart.DisputeRequestReceipt => "the date the PM received the written dispute request",
        ClockStart.RecommendationReceipt => "the date the EN or State VR agency received the PM's recommendation",
        ClockStart.TicketUnassignment => "the date the ticket was unassigned",
        ClockStart.WorkStart => "the first day of work",
        ClockStart.ReviewRequestReceipt => "the date the EN received the Services and Supports review request",
        _ => throw new ArgumentOutOfRangeException(nameof(clockStart), clockStart, "Unknown clock start."),
    };
}

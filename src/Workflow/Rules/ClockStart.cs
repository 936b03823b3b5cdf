namespace TicketFlow.Workflow.Rules;

/// <summary>The event whose date starts a deadline's clock (see <see cref="ClockStartDescriptions"/> for plain words).</summary>
public enum ClockStart
{
    /// <summary>The later of the EN's and the ticketholder's signature dates on the IWP.</summary>
    LaterSignatureDate,

    /// <summary>The date the Ticket Program Manager received the IWP.</summary>
    IwpReceiptDate,

    /// <summary>The date of the last two-way contact with the ticketholder.</summary>
    LastTwoWayContact,

    /// <summary>The date of the initial contact attempt that has not (yet) led to two-way contact.</summary>
    InitialContactAttempt,

    /// <summary>The date the Program Manager received the written request to recommend a resolution of a dispute.</summary>
    DisputeRequestReceipt,

    /// <summary>The date the EN or State VR agency received the Program Manager's recommended resolution.</summary>
    RecommendationReceipt,

    /// <summary>The date the ticket was unassigned.</summary>
    TicketUnassignment,

    /// <summary>The first day of work under the IWP.</summary>
    WorkStart,

    /// <summary>The date the EN received a Services and Supports review request.</summary>
    ReviewRequestReceipt,
}

namespace TicketFlow.Workflow.Notifications;

/// <summary>The outcome of <see cref="IEmailSender.SendAsync"/>, one entry per recipient.</summary>
/// <param name="Recipients">Each recipient's outcome, in the order given.</param>
public sealed record EmailSendResult(IReadOnlyList<EmailRecipientResult> Recipients);

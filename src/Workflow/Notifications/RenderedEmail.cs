namespace TicketFlow.Workflow.Notifications;

/// <summary>A template's output: always a plain-text part, and an HTML part with the same content.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="PlainText">The plain-text body (complete on its own).</param>
/// <param name="Html">The HTML body: real headings, no information carried only by colour or images.</param>
public sealed record RenderedEmail(string Subject, string PlainText, string Html);

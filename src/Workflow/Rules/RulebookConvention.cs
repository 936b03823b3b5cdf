namespace TicketFlow.Workflow.Rules;

/// <summary>One counting convention of the rulebook, written for the user who reads <c>ticketflow rules</c>.</summary>
/// <param name="Title">A short heading.</param>
/// <param name="Text">The convention in plain language, with its reason.</param>
public sealed record RulebookConvention(string Title, string Text);

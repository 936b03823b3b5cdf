using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>One compliance check on an IWP, as data: id, severity, what it requires and where that is written.</summary>
/// <param name="Id">Stable id, e.g. "iwp-signatures".</param>
/// <param name="Severity">The severity of its findings.</param>
/// <param name="Requirement">What the IWP must (or should) contain, in plain language.</param>
/// <param name="Citation">Where the requirement is written.</param>
public sealed record IwpCheck(string Id, FindingSeverity Severity, string Requirement, Citation Citation);

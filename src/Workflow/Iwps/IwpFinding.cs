using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>One problem found in an IWP.</summary>
/// <param name="Severity">Blocking or advisory.</param>
/// <param name="RuleId">The id of the <see cref="IwpCheck"/> that found it.</param>
/// <param name="Field">The JSON path of the member concerned, e.g. "$.signatures.ticketholder.date".</param>
/// <param name="Message">What is wrong, in plain language.</param>
/// <param name="Citation">Where the requirement is written.</param>
public sealed record IwpFinding(FindingSeverity Severity, string RuleId, string Field, string Message, Citation Citation);

using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>The outcome of checking one IWP.</summary>
/// <param name="Findings">Blocking findings first, then advisory, each in form order.</param>
/// <param name="SubmissionDeadline">When both signatures are dated: the date the IWP must reach the TPM (rule iwp-submission).</param>
public sealed record IwpCheckResult(IReadOnlyList<IwpFinding> Findings, Deadline? SubmissionDeadline)
{
    /// <summary>
    /// What the reader should know besides the findings: for example that a goal's year has no published TWL/SGA amounts
    /// yet and which year's amounts it was compared with.
    /// </summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when at least one finding is blocking.</summary>
    public bool HasBlockingFindings => Findings.Any(f => f.Severity == FindingSeverity.Blocking);
}

using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Iwps;

/// <summary>The outcome of checking one IWP.</summary>
/// <param name="Findings">Blocking findings first, then advisory, each in form order.</param>
/// <param name="SubmissionDeadline">When both signatures are dated: the date the IWP must reach the TPM (rule iwp-submission).</param>
public sealed record IwpCheckResult(IReadOnlyList<IwpFinding> Findings, Deadline? SubmissionDeadline)
{
    /// <summary>True when at least one finding is blocking.</summary>
    public bool HasBlockingFindings => Findings.Any(f => f.Severity == FindingSeverity.Blocking);
}

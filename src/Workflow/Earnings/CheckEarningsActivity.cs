using Microsoft.DurableTask;
using TicketFlow.Workflow.Rules;

namespace TicketFlow.Workflow.Earnings;

/// <summary>
/// At an earnings checkpoint, reads the ticket's recorded earnings and compares them with the year's TWL or SGA amount
/// (<see cref="EarningsCheckpoint"/>). Reads only, so a retry is harmless.
/// </summary>
public sealed class CheckEarningsActivity(IEarningsRepository earnings, Rulebook rulebook) : TaskActivity<EarningsCheckpointRequest, EarningsCheckpointFinding>
{
    /// <inheritdoc />
    public override async Task<EarningsCheckpointFinding> RunAsync(TaskActivityContext context, EarningsCheckpointRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var recorded = await earnings.ListAsync(input.EnPid, input.TicketNumber, CancellationToken.None);
        return EarningsCheckpoint.Evaluate(rulebook, input.RuleId, input.CheckpointOn, recorded);
    }
}

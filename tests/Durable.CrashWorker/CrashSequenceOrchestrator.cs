namespace TicketFlow.Durable.CrashWorker;

/// <summary>Five steps in sequence with a durable timer in the middle, then a fan-out of three.</summary>
public sealed class CrashSequenceOrchestrator : TaskOrchestrator<int, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = new List<int>();
        for (var step = 0; step < 5; step++)
        {
            results.Add(await context.CallActivityAsync<int>(nameof(CrashStepActivity), new CrashStep(input, step)));
            if (step == 2)
            {
                await context.CreateTimer(TimeSpan.FromMilliseconds(50), CancellationToken.None);
            }
        }

        var fanOut = await Task.WhenAll(Enumerable.Range(5, 3).Select(step => context.CallActivityAsync<int>(nameof(CrashStepActivity), new CrashStep(input, step))));
        return string.Join(",", results.Concat(fanOut));
    }

    /// <summary>The output a correct run produces.</summary>
    public static string Expected(int input) => string.Join(",", Enumerable.Range(0, 8).Select(step => (input * 100) + step));
}

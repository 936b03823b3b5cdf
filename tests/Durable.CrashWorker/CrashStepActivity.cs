namespace TicketFlow.Durable.CrashWorker;

public sealed class CrashStepActivity : TaskActivity<CrashStep, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, CrashStep input)
    {
        CrashSteps.OnActivityStarted();
        await Task.Delay(Random.Shared.Next(5, 20)); // widen the window in which a kill lands inside an activity
        return (input.Instance * 100) + input.Step;
    }
}

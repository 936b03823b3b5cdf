namespace TicketFlow.Durable.Benchmarks;

/// <summary>HelloSequence5: five activities in sequence (the shape published for other Durable Task backends).</summary>
internal sealed class HelloSequence5 : TaskOrchestrator<string, List<string>>
{
    public override async Task<List<string>> RunAsync(TaskOrchestrationContext context, string input)
    {
        var results = new List<string>(5);
        foreach (var city in new[] { "Tokyo", "Seattle", "London", "Cairo", "Lima" })
        {
            results.Add(await context.CallActivityAsync<string>(nameof(SayHello), $"{city} from {input}"));
        }

        return results;
    }
}

internal sealed class SayHello : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"Hello {input}");
}

/// <summary>One orchestration fanning out to N activities and summing the results.</summary>
internal sealed class FanOut : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var results = await Task.WhenAll(Enumerable.Range(0, input).Select(i => context.CallActivityAsync<int>(nameof(Echo), i)));
        return results.Sum();
    }
}

internal sealed class Echo : TaskActivity<int, int>
{
    public override Task<int> RunAsync(TaskActivityContext context, int input) => Task.FromResult(input);
}

/// <summary>Waits for one event and completes; the benchmark measures raise-to-completion.</summary>
internal sealed class WaitForPing : TaskOrchestrator<string?, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, string? input) => context.WaitForExternalEvent<int>("Ping");
}

/// <summary>Waits on a durable timer and returns how late (ms) its episode started after the due time.</summary>
internal sealed class TimerWait : TaskOrchestrator<double, double>
{
    public override async Task<double> RunAsync(TaskOrchestrationContext context, double delayMilliseconds)
    {
        var due = context.CurrentUtcDateTime.AddMilliseconds(delayMilliseconds);
        await context.CreateTimer(due, CancellationToken.None);
        return (context.CurrentUtcDateTime - due).TotalMilliseconds;
    }
}

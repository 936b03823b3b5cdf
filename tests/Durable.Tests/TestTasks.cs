namespace TicketFlow.Durable.Tests;

internal sealed record GreetingRequest(string Name, DateOnly Day);

internal sealed record GreetingResult(string Text, DateOnly Day);

internal sealed record Greeter(string Salutation);

internal sealed class GreetingOrchestrator : TaskOrchestrator<GreetingRequest, GreetingResult>
{
    public override async Task<GreetingResult> RunAsync(TaskOrchestrationContext context, GreetingRequest input)
    {
        var text = await context.CallActivityAsync<string>(nameof(GreetActivity), input.Name);
        return new GreetingResult(text, input.Day);
    }
}

internal sealed class GreetActivity(Greeter greeter) : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult($"{greeter.Salutation}, {input}");
}

internal sealed class EchoOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) => Task.FromResult(input);
}

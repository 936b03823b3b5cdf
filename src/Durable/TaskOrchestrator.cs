namespace TicketFlow.Durable;

/// <summary>
/// Base class for orchestrators: deterministic code that schedules activities, timers, sub-orchestrations and waits
/// for events through the <see cref="TaskOrchestrationContext"/>. It is replayed from history, so it must not do I/O,
/// read the clock or use random numbers directly, and must not use <c>ConfigureAwait(false)</c>.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskOrchestrator<TInput, TOutput> : ITaskOrchestrator
{
    /// <inheritdoc />
    Type ITaskOrchestrator.InputType => typeof(TInput);

    /// <inheritdoc />
    Type ITaskOrchestrator.OutputType => typeof(TOutput);

    /// <summary>Runs the orchestration logic.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The orchestration input.</param>
    /// <returns>The orchestration output.</returns>
    public abstract Task<TOutput> RunAsync(TaskOrchestrationContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskOrchestrator.RunAsync(TaskOrchestrationContext context, object? input)
    {
        // No ConfigureAwait(false): the continuation must stay on the replay scheduler.
        return await RunAsync(context, input is null ? default! : (TInput)input);
    }
}

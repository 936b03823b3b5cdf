namespace TicketFlow.Durable;

/// <summary>
/// Base class for activities: the unit of real work (I/O, email, storage). Activities are resolved from dependency
/// injection, may take constructor dependencies, and run at least once: make them idempotent.
/// </summary>
/// <typeparam name="TInput">The input type.</typeparam>
/// <typeparam name="TOutput">The output type.</typeparam>
public abstract class TaskActivity<TInput, TOutput> : ITaskActivity
{
    /// <inheritdoc />
    Type ITaskActivity.InputType => typeof(TInput);

    /// <inheritdoc />
    Type ITaskActivity.OutputType => typeof(TOutput);

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The activity input.</param>
    /// <returns>The activity output.</returns>
    public abstract Task<TOutput> RunAsync(TaskActivityContext context, TInput input);

    /// <inheritdoc />
    async Task<object?> ITaskActivity.RunAsync(TaskActivityContext context, object? input)
    {
        return await RunAsync(context, input is null ? default! : (TInput)input).ConfigureAwait(false);
    }
}

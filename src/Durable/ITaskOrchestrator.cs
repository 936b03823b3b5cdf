namespace TicketFlow.Durable;

/// <summary>Untyped orchestrator contract used by the runtime; implement <see cref="TaskOrchestrator{TInput, TOutput}"/> instead.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The type the orchestration input is deserialised into.</summary>
    Type InputType { get; }

    /// <summary>The type of the orchestration output.</summary>
    Type OutputType { get; }

    /// <summary>Runs the orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The deserialised input.</param>
    /// <returns>The output.</returns>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}

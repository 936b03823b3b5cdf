namespace TicketFlow.Durable;

/// <summary>Untyped activity contract used by the runtime; implement <see cref="TaskActivity{TInput, TOutput}"/> instead.</summary>
public interface ITaskActivity
{
    /// <summary>The type the activity input is deserialised into.</summary>
    Type InputType { get; }

    /// <summary>The type of the activity output.</summary>
    Type OutputType { get; }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The deserialised input.</param>
    /// <returns>The output.</returns>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}

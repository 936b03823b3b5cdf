namespace TicketFlow.Durable;

/// <summary>Retry options for a task: a declarative <see cref="RetryPolicy"/>.</summary>
public sealed class TaskRetryOptions
{
    /// <summary>Creates retry options from a policy.</summary>
    /// <param name="policy">The policy.</param>
    public TaskRetryOptions(RetryPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Policy = policy;
    }

    /// <summary>The retry policy.</summary>
    public RetryPolicy Policy { get; }

    /// <summary>Converts a policy into retry options.</summary>
    /// <param name="policy">The policy.</param>
    public static implicit operator TaskRetryOptions(RetryPolicy policy) => new(policy);

    /// <summary>Converts a policy into retry options.</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>The options.</returns>
    public static TaskRetryOptions FromRetryPolicy(RetryPolicy policy) => new(policy);
}

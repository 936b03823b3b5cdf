namespace TicketFlow.Durable;

/// <summary>
/// A declarative retry policy for activities and sub-orchestrations. Waits between attempts are durable timers:
/// <c>delay(n) = min(FirstRetryInterval * BackoffCoefficient^(n-1), MaxRetryInterval)</c>.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Creates a retry policy.</summary>
    /// <param name="maxNumberOfAttempts">Total attempts including the first; at least 1.</param>
    /// <param name="firstRetryInterval">Delay before the first retry; positive.</param>
    /// <param name="backoffCoefficient">Multiplier applied to each further delay; at least 1.</param>
    /// <param name="maxRetryInterval">Largest delay between attempts; defaults to one hour.</param>
    /// <param name="retryTimeout">Overall time after the first attempt after which no retry starts; defaults to infinite.</param>
    public RetryPolicy(int maxNumberOfAttempts, TimeSpan firstRetryInterval, double backoffCoefficient = 1.0, TimeSpan? maxRetryInterval = null, TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval ?? TimeSpan.FromHours(1);
        RetryTimeout = retryTimeout ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>Total attempts including the first.</summary>
    public int MaxNumberOfAttempts { get; }

    /// <summary>Delay before the first retry.</summary>
    public TimeSpan FirstRetryInterval { get; }

    /// <summary>Multiplier applied to each further delay.</summary>
    public double BackoffCoefficient { get; }

    /// <summary>Largest delay between attempts.</summary>
    public TimeSpan MaxRetryInterval { get; }

    /// <summary>Time after the first attempt after which no retry starts (<see cref="Timeout.InfiniteTimeSpan"/> for none).</summary>
    public TimeSpan RetryTimeout { get; }

    /// <summary>Decides whether a failure is worth retrying; by default every failure is.</summary>
    public Func<TaskFailureDetails, bool> HandleFailure { get; init; } = static _ => true;

    /// <summary>The delay before retry number <paramref name="retryNumber"/> (1 for the first retry).</summary>
    /// <param name="retryNumber">The 1-based retry number.</param>
    /// <returns>The delay.</returns>
    public TimeSpan GetDelay(int retryNumber)
    {
        var ticks = FirstRetryInterval.Ticks * Math.Pow(BackoffCoefficient, retryNumber - 1);
        return ticks >= MaxRetryInterval.Ticks ? MaxRetryInterval : TimeSpan.FromTicks((long)ticks);
    }
}

namespace TicketFlow.Durable;

/// <summary>Details of a failed activity, sub-orchestration or orchestration.</summary>
/// <param name="ErrorType">The full name of the exception type.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace, if any.</param>
/// <param name="InnerFailure">The inner failure, if any.</param>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    /// <summary>Builds failure details from an exception, including its inner exceptions.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The failure details.</returns>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is TaskFailedException tfe)
        {
            // Keep the failing task's details as the inner failure so callers can see the root cause.
            return new TaskFailureDetails(typeof(TaskFailedException).FullName!, tfe.Message, tfe.StackTrace, tfe.FailureDetails);
        }

        return new TaskFailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException));
    }

    /// <summary>Whether the failure was caused by an exception of type <typeparamref name="T"/> (or a subtype).</summary>
    /// <typeparam name="T">The exception type.</typeparam>
    /// <returns><c>true</c> when the recorded error type is <typeparamref name="T"/> or derives from it.</returns>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        for (var t = typeof(T).Assembly.GetType(ErrorType) ?? FindType(ErrorType); t is not null; t = t.BaseType)
        {
            if (t == typeof(T))
            {
                return true;
            }
        }

        return ErrorType == typeof(T).FullName;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType}: {ErrorMessage}";

    private static Type? FindType(string name)
    {
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            var t = assembly.GetType(name, throwOnError: false);
            if (t is not null)
            {
                return t;
            }
        }

        return null;
    }
}

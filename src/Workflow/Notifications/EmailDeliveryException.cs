namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// An email could not be handed to the provider. <see cref="IsRetryable"/> tells an activity whether trying again
/// later can help (rate limits, outages) or not (a malformed message, a wrong API key, a message too large).
/// </summary>
public sealed class EmailDeliveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong, in words an operator can act on (never containing the API key).</param>
    /// <param name="statusCode">The provider's HTTP status, if there was one.</param>
    /// <param name="isRetryable">Whether a later retry can succeed.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    public EmailDeliveryException(string message, int? statusCode, bool isRetryable, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        IsRetryable = isRetryable;
    }

    /// <summary>The provider's HTTP status, if there was one.</summary>
    public int? StatusCode { get; }

    /// <summary>Whether a later retry can succeed.</summary>
    public bool IsRetryable { get; }
}

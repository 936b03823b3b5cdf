using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// An entity group transaction was refused; the service applied none of its actions. Names the action that failed.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">The HTTP status of the failing action.</param>
    /// <param name="message">The service's message.</param>
    /// <param name="errorCode">The service's error code, e.g. EntityAlreadyExists.</param>
    /// <param name="failedTransactionActionIndex">The zero-based index of the failing action, when the service says.</param>
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index of the failing action, when the service says which one.</summary>
    public int? FailedTransactionActionIndex { get; }
}

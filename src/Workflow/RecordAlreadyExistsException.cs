namespace TicketFlow.Workflow;

/// <summary>A record with the same key is already stored; nothing was written.</summary>
public sealed class RecordAlreadyExistsException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What already exists, in words a caller can act on.</param>
    public RecordAlreadyExistsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What already exists.</param>
    /// <param name="innerException">The storage error behind it.</param>
    public RecordAlreadyExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public RecordAlreadyExistsException()
        : base("The record already exists.")
    {
    }
}

namespace TicketFlow.Workflow.Iwps;

/// <summary>The text is not an IWP in the published JSON shape; the message is one line saying where and why.</summary>
public sealed class IwpFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IwpFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

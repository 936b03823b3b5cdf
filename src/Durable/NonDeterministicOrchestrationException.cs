namespace TicketFlow.Durable;

/// <summary>
/// The orchestrator asked for a different action than its history recorded at the same step (for example after a code
/// change that reordered calls). The instance fails with this error; the message names the step and both actions.
/// </summary>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was asked for, and at which step.</param>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}

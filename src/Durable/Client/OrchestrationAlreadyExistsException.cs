namespace TicketFlow.Durable.Client;

/// <summary>Thrown when scheduling an instance whose id is already used and the reuse policy rejects it.</summary>
public sealed class OrchestrationAlreadyExistsException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="existingStatus">The existing instance's status.</param>
    public OrchestrationAlreadyExistsException(string instanceId, OrchestrationRuntimeStatus existingStatus)
        : base($"An orchestration instance with id '{instanceId}' already exists with status {existingStatus}. " +
               $"Use {nameof(StartOrchestrationOptions)}.{nameof(StartOrchestrationOptions.IdReusePolicy)} to replace it.")
    {
        InstanceId = instanceId;
        ExistingStatus = existingStatus;
    }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The existing instance's status.</summary>
    public OrchestrationRuntimeStatus ExistingStatus { get; }
}

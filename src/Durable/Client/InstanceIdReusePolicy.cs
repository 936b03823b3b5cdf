namespace TicketFlow.Durable.Client;

/// <summary>What scheduling a new instance does when an instance with the same id already exists.</summary>
public enum InstanceIdReusePolicy
{
    /// <summary>Default: reject with <see cref="OrchestrationAlreadyExistsException"/>, whatever the existing status.</summary>
    Reject = 0,

    /// <summary>Replace the existing instance if it is Completed, Failed or Terminated; reject otherwise.</summary>
    ReplaceIfTerminal = 1,

    /// <summary>Replace the existing instance whatever its status (a running one is discarded with its pending work).</summary>
    TerminateAndReplace = 2,
}

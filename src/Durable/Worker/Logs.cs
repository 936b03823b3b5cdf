using Microsoft.Extensions.Logging;

namespace TicketFlow.Durable.Worker;

/// <summary>Log messages of the durable worker.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Durable worker {Owner} started")]
    public static partial void WorkerStarted(ILogger logger, string owner);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Durable worker {Owner} stopped")]
    public static partial void WorkerStopped(ILogger logger, string owner);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Episode of instance {InstanceId} failed unexpectedly; the lease is released for a retry")]
    public static partial void EpisodeError(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Lease on instance {InstanceId} was lost; the episode was discarded")]
    public static partial void LeaseLost(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "Recording the result of activity {Name} for instance {InstanceId} failed; its lease is released and it will run again")]
    public static partial void ActivityCommitError(ILogger logger, Exception exception, string name, string instanceId);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "Durable worker background loop {Loop} failed; retrying")]
    public static partial void LoopError(ILogger logger, Exception exception, string loop);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "Duplicate result of activity {Name} for instance {InstanceId} discarded")]
    public static partial void DuplicateActivityResult(ILogger logger, string name, string instanceId);
}

using System.Collections.Concurrent;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>An <see cref="ISentEmailLog"/> in memory: for tests and single-process runs without storage (lost on restart).</summary>
public sealed class InMemorySentEmailLog : ISentEmailLog
{
    private readonly ConcurrentDictionary<string, SentEmailRecord> _records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<SentEmailRecord?> FindAsync(string sendKey, CancellationToken cancellationToken = default) =>
        Task.FromResult(_records.TryGetValue(sendKey, out var record) ? record : null);

    /// <inheritdoc />
    public Task RecordAsync(SentEmailRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        _records[record.SendKey] = record;
        return Task.CompletedTask;
    }
}

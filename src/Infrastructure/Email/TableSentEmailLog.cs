using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// <see cref="ISentEmailLog"/> in Azure Table Storage. One entity per send key, partitioned by its SHA-256 (keys may
/// be long or hold any character); the table is created on first use. The key ends with the recipient's address, so
/// only its hash is stored: the log holds no address at rest, and a lookup by key gives the address back from the key.
/// </summary>
public sealed class TableSentEmailLog(TableClient table) : ISentEmailLog
{
    private readonly Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    /// <inheritdoc />
    public async Task<SentEmailRecord?> FindAsync(string sendKey, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var found = await table.GetEntityIfExistsAsync<SentEmailEntity>(PartitionKey(sendKey), "sent", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!found.HasValue)
        {
            return null;
        }

        var e = found.Value!;
        return new SentEmailRecord(sendKey, RecipientOf(sendKey), Enum.Parse<EmailTemplateId>(e.TemplateId), e.SentAt, e.ProviderMessageId, e.TicketId, e.ReminderId);
    }

    /// <inheritdoc />
    public async Task RecordAsync(SentEmailRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await _created.Value.ConfigureAwait(false);
        await table.UpsertEntityAsync(
            new SentEmailEntity
            {
                PartitionKey = PartitionKey(record.SendKey),
                RowKey = "sent",
                TemplateId = record.TemplateId.ToString(),
                SentAt = record.SentAt,
                ProviderMessageId = record.ProviderMessageId,
                TicketId = record.TicketId,
                ReminderId = record.ReminderId,
            },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The address at the end of a send key (see <see cref="EmailSendKey"/>).</summary>
    private static string RecipientOf(string sendKey) => sendKey[(sendKey.LastIndexOf('|') + 1)..];

    private static string PartitionKey(string sendKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sendKey)));

    /// <summary>The stored form of a <see cref="SentEmailRecord"/>.</summary>
    private sealed class SentEmailEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;

        public string RowKey { get; set; } = string.Empty;

        public DateTimeOffset? Timestamp { get; set; }

        public ETag ETag { get; set; }

        public string TemplateId { get; set; } = string.Empty;

        public DateTimeOffset SentAt { get; set; }

        public string? ProviderMessageId { get; set; }

        public string? TicketId { get; set; }

        public string? ReminderId { get; set; }
    }
}

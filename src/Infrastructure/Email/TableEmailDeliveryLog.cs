using System.Globalization;
using Azure;
using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// <see cref="IEmailDeliveryLog"/> in Azure Table Storage. Each event is stored in its reminder's partition
/// (reminder|{id}, row {time}|{event id}, so a reminder's events read in time order with one query), and a marker
/// in partition event|{id} makes recording idempotent. The marker is written last: a failure in between leaves the
/// event recordable again, and the reminder row is an upsert, so nothing is doubled.
/// </summary>
public sealed class TableEmailDeliveryLog(TableClient table) : IEmailDeliveryLog
{
    private const string NoReminder = "(none)";
    private readonly Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    /// <inheritdoc />
    public async Task<bool> ContainsAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        return (await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Create("event", eventId), string.Empty, ["PartitionKey"], cancellationToken).ConfigureAwait(false)).HasValue;
    }

    /// <inheritdoc />
    public async Task<bool> TryRecordAsync(EmailDeliveryEvent deliveryEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deliveryEvent);
        if (await ContainsAsync(deliveryEvent.EventId, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await table.UpsertEntityAsync(ToEntity(deliveryEvent), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Create("event", deliveryEvent.EventId), string.Empty), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false; // Recorded concurrently by another delivery of the same event.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EmailDeliveryEvent>> GetForReminderAsync(string reminderId, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Create("reminder", reminderId)}");
        var result = new List<EmailDeliveryEvent>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(e));
        }

        return result;
    }

    private static TableEntity ToEntity(EmailDeliveryEvent e) => new(
        TableKeys.Create("reminder", e.ReminderId ?? NoReminder),
        TableKeys.Create(e.OccurredAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture), e.EventId))
    {
        ["EventId"] = e.EventId,
        ["Kind"] = e.Kind.ToString(),
        ["Recipient"] = e.Recipient,
        ["OccurredAt"] = e.OccurredAt,
        ["TicketId"] = e.TicketId,
        ["ReminderId"] = e.ReminderId,
        ["EmploymentNetworkId"] = e.EmploymentNetworkId,
        ["TemplateId"] = e.TemplateId?.ToString(),
        ["Reason"] = e.Reason,
        ["ProviderMessageId"] = e.ProviderMessageId,
    };

    private static EmailDeliveryEvent FromEntity(TableEntity e) => new(
        e.GetString("EventId")!,
        Enum.Parse<EmailDeliveryEventKind>(e.GetString("Kind")!),
        e.GetString("Recipient") ?? string.Empty,
        e.GetDateTimeOffset("OccurredAt") ?? DateTimeOffset.UnixEpoch)
    {
        TicketId = e.GetString("TicketId"),
        ReminderId = e.GetString("ReminderId"),
        EmploymentNetworkId = e.GetString("EmploymentNetworkId"),
        TemplateId = Enum.TryParse<EmailTemplateId>(e.GetString("TemplateId"), out var t) ? t : null,
        Reason = e.GetString("Reason"),
        ProviderMessageId = e.GetString("ProviderMessageId"),
    };
}

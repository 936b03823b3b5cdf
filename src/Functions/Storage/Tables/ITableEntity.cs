using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// An entity stored in a table: the keys, the service's timestamp and the ETag used for optimistic concurrency.
/// Shaped like Azure.Data.Tables' <c>ITableEntity</c>. Other public properties of an implementing class are mapped
/// by <see cref="TableEntityMapper"/>.
/// </summary>
public interface ITableEntity
{
    /// <summary>The partition key: entities sharing it live together and can be changed in one transaction.</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key: unique within the partition; rows sort by it.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last changed the entity; set by the service, ignored on write.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version, from the last read or write; pass it back to update only that version.</summary>
    ETag ETag { get; set; }
}

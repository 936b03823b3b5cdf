namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>One record to write to a <see cref="RecordTable"/>: its keys, the record and the plain columns filtered on.</summary>
/// <typeparam name="T">The record's type.</typeparam>
/// <param name="PartitionKey">The partition key (built with TableKeys).</param>
/// <param name="RowKey">The row key (built with TableKeys).</param>
/// <param name="Record">The record, stored as JSON.</param>
/// <param name="Columns">The plain columns beside the JSON.</param>
internal sealed record RecordRow<T>(string PartitionKey, string RowKey, T Record, (string Name, object? Value)[] Columns);

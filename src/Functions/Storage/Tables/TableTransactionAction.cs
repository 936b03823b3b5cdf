using Azure;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>One operation in an entity group transaction (<see cref="TableClient.SubmitTransactionAsync"/>).</summary>
/// <param name="ActionType">What to do.</param>
/// <param name="Entity">The entity; for a delete only its keys are used.</param>
/// <param name="ETag">For updates and deletes: the version that must still be stored; default means any.</param>
public sealed record TableTransactionAction(TableTransactionActionType ActionType, ITableEntity Entity, ETag ETag = default);

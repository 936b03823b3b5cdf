namespace TicketFlow.Durable.Client;

/// <summary>One page of query results.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Values">The items.</param>
/// <param name="ContinuationToken">The token for the next page, or <c>null</c> at the end.</param>
public sealed record Page<T>(IReadOnlyList<T> Values, string? ContinuationToken);

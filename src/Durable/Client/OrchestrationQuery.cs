namespace TicketFlow.Durable.Client;

/// <summary>A filter for listing instances; results are ordered by creation time, then instance id.</summary>
public sealed record OrchestrationQuery
{
    /// <summary>Only instances with one of these statuses (all when <c>null</c>).</summary>
    public IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses { get; init; }

    /// <summary>Only instances created at or after this time.</summary>
    public DateTimeOffset? CreatedFrom { get; init; }

    /// <summary>Only instances created before this time.</summary>
    public DateTimeOffset? CreatedTo { get; init; }

    /// <summary>Only instances whose id starts with this prefix.</summary>
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Page size (default 100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The token returned with the previous page.</summary>
    public string? ContinuationToken { get; init; }

    /// <summary>Whether inputs, outputs and custom status are read.</summary>
    public bool FetchInputsAndOutputs { get; init; }
}

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>The operation one action of an entity group transaction performs.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert; fails if the entity exists.</summary>
    Add,

    /// <summary>Merge into an existing entity (If-Match: the action's ETag, or any).</summary>
    UpdateMerge,

    /// <summary>Replace an existing entity (If-Match: the action's ETag, or any).</summary>
    UpdateReplace,

    /// <summary>Delete an existing entity (If-Match: the action's ETag, or any).</summary>
    Delete,

    /// <summary>Insert or merge.</summary>
    UpsertMerge,

    /// <summary>Insert or replace.</summary>
    UpsertReplace,
}

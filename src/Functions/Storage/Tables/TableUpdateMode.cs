namespace TicketFlow.Functions.Storage.Tables;

/// <summary>How an update treats the properties already stored.</summary>
public enum TableUpdateMode
{
    /// <summary>Keeps stored properties that the new entity does not name (MERGE).</summary>
    Merge,

    /// <summary>Replaces the stored entity entirely (PUT).</summary>
    Replace,
}

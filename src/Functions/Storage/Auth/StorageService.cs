namespace TicketFlow.Functions.Storage.Auth;

/// <summary>Which Azure Storage service a request goes to; the two sign requests differently.</summary>
internal enum StorageService
{
    /// <summary>The Blob service.</summary>
    Blob,

    /// <summary>The Table service.</summary>
    Table,
}

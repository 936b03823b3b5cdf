namespace TicketFlow.Functions.Storage.Blobs;

/// <summary>One blob in a listing.</summary>
/// <param name="Name">The blob name.</param>
/// <param name="Properties">Its properties (metadata is not listed; read it with GetPropertiesAsync).</param>
public sealed record BlobItem(string Name, BlobProperties Properties);

namespace TicketFlow.Server.Hosting;

/// <summary>Where TicketFlow keeps its embedded data (the durable store, the first API key): <c>Data:Folder</c>, default <c>.data</c>.</summary>
/// <param name="Path">The full path, created at start.</param>
public sealed record DataFolder(string Path);

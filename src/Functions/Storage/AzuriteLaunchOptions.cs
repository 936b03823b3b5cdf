namespace TicketFlow.Functions.Storage;

/// <summary>How <see cref="AzuriteLauncher"/> starts Azurite.</summary>
public sealed class AzuriteLaunchOptions
{
    /// <summary>Where Azurite keeps its data; null keeps everything in memory (tests).</summary>
    public string? DataFolder { get; set; }

    /// <summary>The Blob service port on 127.0.0.1; 0 picks a free one.</summary>
    public int BlobPort { get; set; }

    /// <summary>The Table service port on 127.0.0.1; 0 picks a free one.</summary>
    public int TablePort { get; set; }

    /// <summary>The TicketFlow checkout holding node_modules/azurite; null finds it by walking up to TicketFlow.sln.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>How long to wait for Azurite to accept connections before giving up.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

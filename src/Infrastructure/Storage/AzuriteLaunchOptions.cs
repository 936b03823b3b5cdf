namespace TicketFlow.Infrastructure.Storage;

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

    /// <summary>Arguments for node before Azurite's script (for example a <c>--require</c> of a watchdog).</summary>
    public IList<string> NodeArguments { get; } = [];

    /// <summary>Environment variables for the Azurite process.</summary>
    public IDictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long to wait for Azurite to accept connections before giving up.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(60);
}

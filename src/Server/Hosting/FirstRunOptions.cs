namespace TicketFlow.Server.Hosting;

/// <summary>The EN created on the first start with embedded defaults, so that a new user can make a first call.</summary>
public sealed class FirstRunOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "FirstRun";

    /// <summary>Whether to create the EN and print an API key when no EN exists yet.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The demo EN's PID.</summary>
    public string EnPid { get; set; } = "P00001";

    /// <summary>The demo EN's name.</summary>
    public string EnName { get; set; } = "Demo Employment Network";
}

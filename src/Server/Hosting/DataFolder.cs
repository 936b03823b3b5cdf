using Microsoft.Extensions.Configuration;

namespace TicketFlow.Server.Hosting;

/// <summary>
/// Where the self-hosted server keeps its data: the durable store, the first API key, and (unless set apart) Azurite's
/// files and the email outbox. <c>Data:Folder</c> (environment <c>Data__Folder</c>, argument <c>--Data:Folder</c>);
/// by default a per-user folder, <see cref="DefaultPath"/>, so that <c>ticketflow serve</c> finds the same data from
/// whatever directory it is started in.
/// </summary>
/// <param name="Path">The full path, created at start.</param>
public sealed record DataFolder(string Path)
{
    /// <summary>The setting that names the folder.</summary>
    public const string SettingName = "Data:Folder";

    /// <summary>The file the first start on embedded defaults writes the demo EN's API key to.</summary>
    public const string FirstApiKeyFileName = "first-api-key.txt";

    /// <summary>
    /// The per-user default: <c>ticketflow</c> in the user's local application data folder
    /// (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS,
    /// <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string DefaultPath { get; } = System.IO.Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ticketflow");

    /// <summary>The first-run key file in this folder.</summary>
    public string FirstApiKeyFile => System.IO.Path.Combine(Path, FirstApiKeyFileName);

    /// <summary>The folder the configuration names, or the per-user default.</summary>
    /// <param name="configuration">The host's configuration.</param>
    /// <returns>The folder, as a full path (not created).</returns>
    public static DataFolder From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[SettingName];
        return new DataFolder(System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured));
    }

    /// <summary>The folder as the server would see it from the environment alone (for commands that read its data).</summary>
    /// <returns>The folder, as a full path.</returns>
    public static DataFolder FromEnvironment() => From(new ConfigurationBuilder().AddEnvironmentVariables().Build());
}

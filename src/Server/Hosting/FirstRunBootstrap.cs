using Microsoft.Extensions.Options;
using TicketFlow.Api;
using TicketFlow.Api.Security;
using TicketFlow.Api.Web.SignIn;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Server.Hosting;

/// <summary>
/// On the first start on embedded defaults (the Azurite this host starts, and no EN with the configured PID yet),
/// creates a demo EN with a staff member and an API key, and prints the key once: the only time it exists outside its
/// hash. Also writes it to the data folder's <c>first-api-key.txt</c> so the README's walk-through can read it, and
/// does the same with a staff credential for the web page (<c>first-staff-credential.txt</c>).
/// Never against a configured storage account: a real deployment gets no demo EN and no key it did not ask for.
/// </summary>
internal sealed class FirstRunBootstrap(
    IOptions<FirstRunOptions> options,
    IOptions<StorageOptions> storage,
    IEmploymentNetworkRepository networks,
    IApiKeyStore keys,
    TimeProvider time,
    DataFolder dataFolder,
    HostSettings host,
    ILogger<FirstRunBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        if (storage.Value.IsAccountConfigured)
        {
            HostingLogs.FirstRunSkipped(logger);
            return;
        }

        if (await networks.FindAsync(settings.EnPid, cancellationToken) is not null)
        {
            return;
        }

        var key = await CreateDemoNetworkAsync(settings, networks, keys, time, cancellationToken);
        var file = dataFolder.FirstApiKeyFile;
        await File.WriteAllTextAsync(file, key.Value + Environment.NewLine, cancellationToken);
        HostingLogs.FirstRunBootstrapped(logger, settings.EnPid, key.KeyId);
        await Console.Out.WriteLineAsync($"TicketFlow: created EN {settings.EnPid} with API key {key.Value} (also in {file}); send it as the X-Api-Key header.");

        // The web page's sign-in for the demo staff member, printed beside the key and kept the same way.
        var staff = await StaffCredentials.CreateAsync(settings.EnPid, "s1", keys, time, cancellationToken);
        var staffFile = Path.Combine(dataFolder.Path, "first-staff-credential.txt");
        await File.WriteAllTextAsync(staffFile, staff.Value + Environment.NewLine, cancellationToken);
        await Console.Out.WriteLineAsync($"TicketFlow: staff member s1 signs in to the web page (/{host.RoutePrefix}/web/) with {staff.Value} (also in {staffFile}).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the demo EN (with staff member s1) and an API key for it; returns the key (stored only as its hash).</summary>
    internal static async Task<ApiKey> CreateDemoNetworkAsync(
        FirstRunOptions settings, IEmploymentNetworkRepository networks, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        await networks.AddAsync(
            new EmploymentNetwork(settings.EnPid, settings.EnName, "Full-time employment services and supports", "America/New_York",
                new Contact("Compliance Contact", "compliance@en.example"), RetentionPolicy.ConfirmBeforeDisposal, AssignsInTicketPortal: false),
            cancellationToken);
        await networks.UpsertStaffAsync(new StaffMember(settings.EnPid, "s1", "Casey Diaz", "casey.diaz@en.example"), cancellationToken);
        var key = ApiKey.Create();
        await keys.AddAsync(new ApiKeyRecord(key.KeyId, settings.EnPid, "first-run", key.Hash(), time.GetUtcNow(), null), cancellationToken);
        return key;
    }
}

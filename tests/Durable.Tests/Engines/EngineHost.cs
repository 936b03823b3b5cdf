using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests.Engines;

/// <summary>
/// One test source, two engines: starts the same tasks on the embedded engine (<see cref="DurableTestHost"/>) or on
/// Microsoft's in-process host, and hands out the official <see cref="DurableTaskClient"/> either way. Tests that
/// need virtual time (days of timers) cannot run on Microsoft's host, which uses real time; they stay in
/// <see cref="DurableRuntimeContractTests"/> (embedded only).
/// </summary>
public sealed class EngineHost : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly DurableTestHost? embedded;
    private readonly DurableTaskTestHost? microsoft;

    private EngineHost(Engine engine, DurableTestHost? embedded, DurableTaskTestHost? microsoft)
    {
        Engine = engine;
        this.embedded = embedded;
        this.microsoft = microsoft;
        Client = embedded?.Client ?? microsoft!.Client;
    }

    /// <summary>Both engines, for <c>[MemberData]</c>.</summary>
    public static TheoryData<Engine> Both => [Engine.Embedded, Engine.Microsoft];

    /// <summary>Which engine runs.</summary>
    public Engine Engine { get; }

    /// <summary>The official client.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The embedded engine's store (history, parent ids), or null on Microsoft's engine.</summary>
    public IOrchestrationStore? Store => embedded?.Store;

    /// <summary>Starts an engine with these tasks and services.</summary>
    /// <param name="engine">Which engine.</param>
    /// <param name="tasks">The orchestrators and activities.</param>
    /// <param name="services">Services the tasks need.</param>
    /// <returns>The host.</returns>
    public static async Task<EngineHost> StartAsync(Engine engine, Action<DurableTaskRegistry> tasks, Action<IServiceCollection>? services = null)
    {
        if (engine == Engine.Embedded)
        {
            var host = await DurableTestHost.StartAsync(
                s =>
                {
                    services?.Invoke(s);
                    s.AddDurableTaskWorker(b => b.AddTasks(tasks));
                },
                new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
            return new EngineHost(engine, host, null);
        }

        return new EngineHost(engine, null, await StartMicrosoftAsync(port => DurableTaskTestHost.StartAsync(tasks, new DurableTaskTestHostOptions { ConfigureServices = services, Port = port })));
    }

    /// <summary>
    /// Starts an engine whose tasks are registered on Microsoft's worker builder (e.g. an area's
    /// <c>AddTicketFlowWorkflows()</c>): the same builder call on both engines.
    /// </summary>
    /// <param name="engine">Which engine.</param>
    /// <param name="worker">Adds the tasks to the worker builder.</param>
    /// <param name="services">Services the tasks need.</param>
    /// <param name="embeddedStart">
    /// The embedded engine's clock, held there: no timer fires on it (Microsoft's host runs on the real clock, so
    /// what runs here must not wait for one). Were it skipping time, a worker idle before the test's next event
    /// arrived would jump to the workflow's first reminder, a race a busy machine loses.
    /// </param>
    /// <returns>The host.</returns>
    public static async Task<EngineHost> StartAsync(Engine engine, Action<IDurableTaskWorkerBuilder> worker, Action<IServiceCollection>? services, DateTimeOffset embeddedStart)
    {
        void Configure(IServiceCollection s)
        {
            services?.Invoke(s);
            s.AddDurableTaskWorker(worker);
        }

        if (engine == Engine.Embedded)
        {
            return new EngineHost(engine, await DurableTestHost.StartAsync(Configure, embeddedStart, new DurableTestHostOptions { SkipTime = false }), null);
        }

        // The host's own AddDurableTaskWorker call comes after ConfigureServices and joins the same (default) builder.
        return new EngineHost(engine, null, await StartMicrosoftAsync(port => DurableTaskTestHost.StartAsync(_ => { }, new DurableTaskTestHostOptions { ConfigureServices = Configure, Port = port })));
    }

    /// <summary>
    /// Starts Microsoft's host on a port the system says is free. Left to itself the host draws a random port from
    /// 30000-40000 without looking, which collides with the other test hosts and Azurite running in parallel; a port
    /// taken again between the look-up and the bind is tried once more with a new one.
    /// </summary>
    private static async Task<DurableTaskTestHost> StartMicrosoftAsync(Func<int, Task<DurableTaskTestHost>> start)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await start(FreeLoopbackPort());
            }
            catch (IOException) when (attempt < 3)
            {
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (at most 30 s of real time) for the instance to finish, with inputs and outputs.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>Its final state.</returns>
    public async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    /// <summary>
    /// Waits until the instance reports <paramref name="status"/>. Microsoft's engine applies suspend and resume
    /// asynchronously, so a test reads the status until it changes (on the embedded engine it already has).
    /// </summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="status">The status to reach.</param>
    /// <returns>A task.</returns>
    public async Task WaitForStatusAsync(string instanceId, OrchestrationRuntimeStatus status)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while ((await Client.GetInstanceAsync(instanceId, timeout.Token))?.RuntimeStatus != status)
        {
            if (embedded is not null)
            {
                await embedded.WaitForIdleAsync();
            }
            else
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (embedded is not null)
        {
            await embedded.DisposeAsync();
        }

        if (microsoft is not null)
        {
            await microsoft.DisposeAsync();
        }
    }
}

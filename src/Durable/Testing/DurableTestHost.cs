using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TicketFlow.Durable.Client;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

namespace TicketFlow.Durable.Testing;

/// <summary>
/// Runs the production worker and client (Microsoft's builders with the embedded SQLite backend) over a temporary
/// SQLite file with a <see cref="VirtualTimeProvider"/>.
/// With <see cref="DurableTestHostOptions.SkipTime"/> the clock jumps to the next timer whenever the worker is idle,
/// so an orchestration waiting 180 days completes in milliseconds.
/// <code>
/// await using var host = await DurableTestHost.StartAsync(services =&gt;
///     services.AddDurableTaskWorker(b =&gt; b.AddTasks(r =&gt; r.AddOrchestrator&lt;MyOrchestrator&gt;())), startTime);
/// var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(MyOrchestrator), input);
/// var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true);
/// </code>
/// </summary>
public sealed class DurableTestHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly DurableTestHostOptions options;
    private readonly string? temporaryDirectory;
    private readonly CancellationTokenSource stopping = new();
    private readonly SemaphoreSlim clockGate = new(1, 1);
    private Task? skipper;

    private DurableTestHost(ServiceProvider provider, VirtualTimeProvider time, DurableTestHostOptions options, string? temporaryDirectory)
    {
        this.provider = provider;
        this.options = options;
        this.temporaryDirectory = temporaryDirectory;
        Time = time;
        Client = provider.GetRequiredService<DurableTaskClient>();
        Store = provider.GetRequiredService<IOrchestrationStore>();
        Worker = provider.GetServices<IHostedService>().OfType<StoreDurableTaskWorker>().FirstOrDefault();
    }

    /// <summary>The virtual clock.</summary>
    public VirtualTimeProvider Time { get; }

    /// <summary>The client.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The store (a temporary SQLite file unless configured).</summary>
    public IOrchestrationStore Store { get; }

    /// <summary>The worker, or <c>null</c> when the services did not add one.</summary>
    public StoreDurableTaskWorker? Worker { get; }

    /// <summary>The service provider.</summary>
    public IServiceProvider Services => provider;

    /// <summary>Builds and starts a host.</summary>
    /// <param name="configureServices">
    /// Adds the worker (<c>AddDurableTaskWorker(b =&gt; b.AddTasks(...))</c>; the host makes SQLite its backend) and
    /// whatever activities need.
    /// </param>
    /// <param name="startTime">The virtual clock's start (UTC); 2025-01-01 when <c>null</c>.</param>
    /// <param name="options">Host options.</param>
    /// <returns>The started host.</returns>
    public static async Task<DurableTestHost> StartAsync(Action<IServiceCollection> configureServices, DateTimeOffset? startTime = null, DurableTestHostOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(configureServices);
        options ??= new DurableTestHostOptions();
        var time = new VirtualTimeProvider(startTime);
        string? temporaryDirectory = null;
        var path = options.DatabasePath;
        if (path is null)
        {
            temporaryDirectory = Path.Combine(Path.GetTempPath(), "ticketflow-durable-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temporaryDirectory);
            path = Path.Combine(temporaryDirectory, "durable.db");
        }

        var services = new ServiceCollection();
        configureServices(services);
        if (services.Any(d => d.ServiceType == typeof(IHostedService)))
        {
            // The caller added a worker: it runs on this host's store (the same builder, so its tasks are kept).
            services.AddDurableTaskWorker(b => b.UseSqlite(worker: w => w.ExtendedSessions = options.ExtendedSessions));
        }

        services.AddDurableTaskClient(b => b.UseSqlite());
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));

        // The host owns the clock and the store, whatever the configuration said.
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
        var storeOptions = new SqliteStoreOptions { DatabasePath = path, Durability = options.Durability };
        services.Replace(ServiceDescriptor.Singleton<IOrchestrationStore>(sp => options.StoreFactory?.Invoke(time) ?? new SqliteOrchestrationStore(storeOptions, time)));
        var provider = services.BuildServiceProvider();
        var host = new DurableTestHost(provider, time, options, temporaryDirectory);
        await host.Store.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        if (options.StartWorker && host.Worker is not null)
        {
            await host.Worker.StartAsync(CancellationToken.None).ConfigureAwait(false);
            if (options.SkipTime)
            {
                host.skipper = Task.Run(host.SkipTimeLoopAsync);
            }
        }

        return host;
    }

    /// <summary>Waits until the worker has nothing to do at the current virtual time (time does not move).</summary>
    /// <returns>A task.</returns>
    public async Task WaitForIdleAsync()
    {
        if (Worker is null)
        {
            return;
        }

        // Idle twice in a row with yields between: work announced by a just-finished commit is counted by then.
        for (var stable = 0; stable < 3;)
        {
            await Worker.WaitForIdleAsync().ConfigureAwait(false);
            await Task.Yield();
            stable = Worker.IsIdle ? stable + 1 : 0;
        }
    }

    /// <summary>
    /// Runs until no work is left: whenever the worker is idle, moves the clock to the next timer and fires it.
    /// Stops when no timer is left, or at the first timer after <paramref name="until"/> (the clock then stays put).
    /// </summary>
    /// <param name="until">The latest time to advance to; unlimited when <c>null</c>.</param>
    /// <returns>A task.</returns>
    public async Task RunUntilIdleAsync(DateTimeOffset? until = null)
    {
        await clockGate.WaitAsync().ConfigureAwait(false);
        try
        {
            while (await SkipToNextTimerAsync(until).ConfigureAwait(false))
            {
            }
        }
        finally
        {
            clockGate.Release();
        }
    }

    /// <summary>Advances the clock by <paramref name="delta"/>, firing each timer on the way and letting the worker react.</summary>
    /// <param name="delta">How far.</param>
    /// <returns>A task.</returns>
    public Task AdvanceTimeAsync(TimeSpan delta) => AdvanceTimeToAsync(Time.GetUtcNow() + delta);

    /// <summary>Advances the clock to <paramref name="target"/>, firing each timer on the way and letting the worker react.</summary>
    /// <param name="target">The time to reach.</param>
    /// <returns>A task.</returns>
    public async Task AdvanceTimeToAsync(DateTimeOffset target)
    {
        await clockGate.WaitAsync().ConfigureAwait(false);
        try
        {
            while (await SkipToNextTimerAsync(target).ConfigureAwait(false))
            {
            }

            if (Time.GetUtcNow() < target)
            {
                Time.SetUtcNow(target);
            }

            await WaitForIdleAsync().ConfigureAwait(false);
        }
        finally
        {
            clockGate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (skipper is not null)
        {
            try
            {
                // The skipper may be waiting for a worker that never gets idle (a hanging activity): do not hang with it.
                await skipper.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }
        }

        if (Worker is not null)
        {
            await Worker.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        await provider.DisposeAsync().ConfigureAwait(false);
        stopping.Dispose();
        clockGate.Dispose();
        if (temporaryDirectory is not null)
        {
            try
            {
                Directory.Delete(temporaryDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private async Task<bool> SkipToNextTimerAsync(DateTimeOffset? until)
    {
        await WaitForIdleAsync().ConfigureAwait(false);
        var next = await Store.GetNextTimerDueAsync(CancellationToken.None).ConfigureAwait(false);
        if (next is not { } due || (until is { } limit && due > limit))
        {
            return false;
        }

        if (due > Time.GetUtcNow())
        {
            Time.SetUtcNow(due);
        }

        await Worker!.FireDueTimersAsync().ConfigureAwait(false);
        await WaitForIdleAsync().ConfigureAwait(false);
        return true;
    }

    private async Task SkipTimeLoopAsync()
    {
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            var epoch = Worker!.ActivityEpoch;
            await clockGate.WaitAsync(token).ConfigureAwait(false);
            bool advanced;
            try
            {
                advanced = await SkipToNextTimerAsync(null).ConfigureAwait(false);
            }
            finally
            {
                clockGate.Release();
            }

            if (!advanced)
            {
                // Nothing due: wait until the worker gets new work, then look again.
                await Worker.WaitForBusyAsync(epoch, token).ConfigureAwait(false);
            }
        }
    }
}

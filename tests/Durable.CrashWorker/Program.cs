// A worker process for the crash-safety test: it is killed with SIGKILL at arbitrary points and restarted.
// Usage: TicketFlow.Durable.CrashWorker <database> <instanceCount> [none|activity|before-commit|after-commit] [k]
// Schedules the instances that do not exist yet, runs until all are finished, prints "ALL DONE" and exits 0.
// With a kill mode, the process SIGKILLs itself inside the k-th activity it starts, or just before / just after the
// k-th episode commit. The test also kills it from outside at arbitrary moments (inside transactions).
using System.Diagnostics;
using System.Globalization;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketFlow.Durable.CrashWorker;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Worker;

var database = args[0];
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var mode = args.Length > 2 ? args[2] : "none";
var k = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
CrashSteps.SelfKillAfter = mode == "activity" ? k : 0;

var services = new ServiceCollection();
services.AddDurableTaskWorker(b => b
    .AddTasks(r => r.AddOrchestrator<CrashSequenceOrchestrator>().AddActivity<CrashStepActivity>())
    .UseSqlite(worker: o => o.MaintenanceInterval = TimeSpan.FromMilliseconds(250)));
services.AddSingleton<IOrchestrationStore>(_ => new KillingStore(
    new SqliteOrchestrationStore(new SqliteStoreOptions
    {
        DatabasePath = database,
        LeaseDuration = TimeSpan.FromSeconds(1), // a killed worker's leases expire quickly
    }),
    mode,
    k));
services.AddDurableTaskClient(b => b.UseSqlite());
await using var provider = services.BuildServiceProvider();
var worker = provider.GetServices<IHostedService>().OfType<StoreDurableTaskWorker>().Single();
var client = provider.GetRequiredService<DurableTaskClient>();
await worker.StartAsync(CancellationToken.None);

for (var i = 0; i < count; i++)
{
    try
    {
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashSequenceOrchestrator), i, new StartOrchestrationOptions($"crash-{i:D3}"));
    }
    catch (OrchestrationAlreadyExistsException)
    {
        // Scheduled by an earlier run.
    }
}

Console.WriteLine("STARTED");
var watch = Stopwatch.StartNew();
for (var i = 0; i < count; i++)
{
    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
    await client.WaitForInstanceCompletionAsync($"crash-{i:D3}", cancellation: timeout.Token);
}

Console.WriteLine($"ALL DONE in {watch.ElapsedMilliseconds} ms");
await worker.StopAsync(CancellationToken.None);
return 0;

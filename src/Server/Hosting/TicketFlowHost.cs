using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using TicketFlow.Durable.Sqlite;
using TicketFlow.Api;
using TicketFlow.Api.Idempotency;
using TicketFlow.Api.Security;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Infrastructure.Storage;
using TicketFlow.Infrastructure.Storage.Records;
using TicketFlow.Workflow;
using TicketFlow.Api.Webhooks;

namespace TicketFlow.Server.Hosting;

/// <summary>
/// Builds TicketFlow's web host: the HTTP triggers (ASP.NET Core endpoints) and the durable worker in one process, on
/// embedded defaults (Azurite started for storage when no account is configured, the SQLite durable store and the
/// email outbox under the data folder) or on the configured Azure Storage account and SendGrid.
/// </summary>
public static class TicketFlowHost
{
    private const int ThreadsPerCore = 16;
    private const int MaxMinimumThreads = 256;

    /// <summary>Builds the application.</summary>
    /// <param name="args">Command-line arguments (ASP.NET Core's: --urls, --environment, configuration overrides).</param>
    /// <param name="configure">Lets tests replace services before the host is built.</param>
    /// <returns>The application, not started.</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        RaiseThreadPoolMinimum();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
        var host = HostSettings.Read(Path.Combine(builder.Environment.ContentRootPath, "host.json"));
        var dataFolder = DataFolder.From(builder.Configuration);
        Directory.CreateDirectory(dataFolder.Path);
        ServerDefaults.Apply(builder, dataFolder);
        builder.Services.AddSingleton(dataFolder);

        // This host owns the Azurite it starts when no account is configured: it dies with it, and its data folder is
        // this host's alone.
        builder.Services.AddSingleton<AzuriteProcessOwner>();
        builder.Services.AddTicketFlowServices(builder.Configuration, host);
        var durableStore = Path.Combine(dataFolder.Path, $"{host.HubName}.durable.db");
        builder.Services.AddDurableTaskWorker(b => b
            .AddTicketFlowWorkflows()
            .Configure(o =>
            {
                o.Concurrency.MaximumConcurrentActivityWorkItems = host.MaxConcurrentActivities;
                o.Concurrency.MaximumConcurrentOrchestrationWorkItems = host.MaxConcurrentOrchestrations;
            })
            .UseSqlite(o =>
            {
                o.DatabasePath = durableStore;

                // How soon a restarted host takes over work a crashed one had leased (Durable:LeaseDuration).
                o.LeaseDuration = builder.Configuration.GetValue("Durable:LeaseDuration", o.LeaseDuration);
            }, worker => worker.ExtendedSessions = host.ExtendedSessions));
        builder.Services.AddDurableTaskClient(b => b.UseSqlite());
        builder.Services.AddOptions<FirstRunOptions>().Bind(builder.Configuration.GetSection(FirstRunOptions.SectionName));
        builder.Services.AddHostedService<FirstRunBootstrap>();
        configure?.Invoke(builder);

        var app = builder.Build();
        HostingLogs.DataFolder(app.Logger, dataFolder.Path, durableStore);
        app.UseTicketFlowApi();
        app.MapTicketFlowApi(host.RoutePrefix);
        app.MapSendGridEventWebhook("/webhooks/sendgrid/events");
        return app;
    }

    /// <summary>
    /// The embedded engine reads and runs episodes synchronously on pool threads (SQLite has no asynchronous I/O), a few
    /// milliseconds each under a backlog. With the pool's default of one thread per core, a request's next step queues
    /// behind them: on two cores at 200 contacts a second, the continuation after the event's commit waited 8 ms at the
    /// median and 29 ms at p90. More threads than cores let the OS share the cores between both instead. A higher
    /// minimum set for the process (DOTNET_ThreadPool_ForceMinWorkerThreads, runtimeconfig) is kept.
    /// </summary>
    private static void RaiseThreadPoolMinimum()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = Math.Min(ThreadsPerCore * Environment.ProcessorCount, MaxMinimumThreads);
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionPorts);
        }
    }
}

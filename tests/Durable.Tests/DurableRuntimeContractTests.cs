using System.Diagnostics;
using NonDeterministicOrchestrationException = DurableTask.Core.Exceptions.NonDeterministicOrchestrationException;
using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketFlow.Durable.Storage;
using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests;

/// <summary>
/// The behaviour every store must give the runtime that only the embedded engine can show: virtual time (days of
/// timers in milliseconds, moving the clock by hand), its history and store. What needs no virtual time runs on both
/// engines in Engines/EngineContractTests. A backend runs this by subclassing and setting
/// <see cref="DurableTestHostOptions.StoreFactory"/> in <see cref="ConfigureHost"/> (see SqliteRuntimeTests).
/// </summary>
public abstract class DurableRuntimeContractTests
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    protected abstract void ConfigureHost(DurableTestHostOptions options);

    /// <summary>Where tests report measured figures (set by the subclass from xunit's output helper).</summary>
    protected Xunit.Abstractions.ITestOutputHelper? Output { get; init; }

    protected async Task<DurableTestHost> StartAsync(
        Action<DurableTaskRegistry> tasks, bool skipTime = true, Action<IServiceCollection>? services = null, bool startWorker = true, bool extendedSessions = false)
    {
        var options = new DurableTestHostOptions { SkipTime = skipTime, StartWorker = startWorker, ExtendedSessions = extendedSessions };
        ConfigureHost(options);
        return await DurableTestHost.StartAsync(
            s =>
            {
                services?.Invoke(s);
                s.AddDurableTaskWorker(b => b.AddTasks(tasks));
            },
            Start,
            options);
    }

    protected static async Task<OrchestrationMetadata> CompleteAsync(DurableTestHost host, string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await host.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
    }

    internal static void AssertGapFreeHistory(IReadOnlyList<HistoryEvent> history)
    {
        Assert.NotEmpty(history);
        var scheduled = history.Where(e => e.TaskId is not null).Select(e => e.TaskId!.Value).ToList();
        Assert.Equal(Enumerable.Range(0, scheduled.Count), scheduled);
        var completed = history.Where(e => e.TaskScheduledId is not null).Select(e => e.TaskScheduledId!.Value).ToList();
        Assert.Equal(completed.Count, completed.Distinct().Count());
        Assert.All(completed, id => Assert.Contains(id, scheduled));
        Assert.Equal(1, history.Count(e => e.Type == HistoryEventType.ExecutionStarted));
    }

    [Fact]
    public async Task Tasks_added_by_several_areas_share_one_worker()
    {
        var options = new DurableTestHostOptions();
        ConfigureHost(options);
        await using var host = await DurableTestHost.StartAsync(
            s =>
            {
                s.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestratorFunc<string?, string>("AreaOne", (ctx, _) => ctx.CallActivityAsync<string>("AreaTwoActivity"))));
                s.AddDurableTaskWorker(b => b.AddTasks(r => r.AddActivityFunc<string?, string>("AreaTwoActivity", (_, _) => Task.FromResult("both"))));
            },
            Start,
            options);

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("AreaOne"));

        Assert.Equal("both", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Retries_follow_the_policy_with_durable_timers_between_attempts()
    {
        var attempts = new List<DateTimeOffset>();
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, int>("Retrying", (ctx, _) => ctx.CallActivityAsync<int>(
                "Flaky", null, TaskOptions.FromRetryPolicy(new RetryPolicy(4, TimeSpan.FromMinutes(10), 2.0, TimeSpan.FromMinutes(15)))))
            .AddActivityFunc<string?, int>("Flaky", (_, _) =>
            {
                lock (attempts)
                {
                    attempts.Add(TimeNow!.GetUtcNow());
                    return attempts.Count < 4 ? throw new TimeoutException("try again") : Task.FromResult(attempts.Count);
                }
            }));
        TimeNow = host.Time;

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Retrying"));

        Assert.Equal(4, done.ReadOutputAs<int>());
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.Equal([TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15)], gaps); // 10, min(20,15), min(40,15)
    }

    [Fact]
    public async Task A_180_day_timer_completes_in_milliseconds_with_virtual_time()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, DateTime>("Waiter", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(180), CancellationToken.None);
                return ctx.CurrentUtcDateTime;
            }));

        var watch = Stopwatch.StartNew();
        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Waiter"));
        watch.Stop();

        Assert.Equal(Start.UtcDateTime.AddDays(180), done.ReadOutputAs<DateTime>());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_cancelled_timer_does_not_complete_the_wait()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Racer", async (ctx, _) =>
            {
                using var cts = new CancellationTokenSource();
                var longTimer = ctx.CreateTimer(TimeSpan.FromDays(30), cts.Token);
                var shortTimer = ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                var winner = await Task.WhenAny(longTimer, shortTimer);
                cts.Cancel();
                return winner == shortTimer && longTimer.IsCanceled ? $"short at {ctx.CurrentUtcDateTime:yyyy-MM-dd}" : "wrong";
            }));

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Racer"));

        Assert.Equal("short at 2026-01-06", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_buffered_and_delivered()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Late", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(2), CancellationToken.None);
                return await ctx.WaitForExternalEvent<string>("Approval");
            }), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Late");
        await host.WaitForIdleAsync();
        await host.Client.RaiseEventAsync(id, "Approval", "yes");
        await host.AdvanceTimeAsync(TimeSpan.FromDays(3));
        var done = await CompleteAsync(host, id);

        Assert.Equal("yes", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_reaches_an_instance_idle_for_an_hour_without_the_clock_moving()
    {
        // Under a virtual clock, any polling or back-off would wait forever: only push delivery can pass this test.
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Listener", (ctx, _) => ctx.WaitForExternalEvent<string>("Ping")), skipTime: false);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Listener");
        await host.WaitForIdleAsync();
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.WaitForIdleAsync();
        var before = host.Time.GetUtcNow();

        await host.Client.RaiseEventAsync(id, "Ping", "pong");
        var done = await CompleteAsync(host, id);

        Assert.Equal("pong", done.ReadOutputAs<string>());
        Assert.Equal(before, host.Time.GetUtcNow());
    }

    [Fact]
    public async Task The_workers_own_timer_loop_fires_a_timer_when_the_clock_reaches_it()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, DateTime>("Sleeper", async (ctx, _) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(400), CancellationToken.None); // longer than one timer-loop sleep
                return ctx.CurrentUtcDateTime;
            }), skipTime: false);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await host.WaitForIdleAsync();

        // Move the clock in 50-day steps without firing timers through the host: the worker's own loop must do it.
        for (var hour = 0; hour < 400 * 24; hour += 24 * 50)
        {
            host.Time.Advance(TimeSpan.FromHours(24 * 50));
            await Task.Yield();
        }

        var done = await CompleteAsync(host, id);
        Assert.Equal(Start.UtcDateTime.AddDays(400), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task Waiting_for_an_event_with_a_timeout_throws_TaskCanceledException_when_it_fires()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Patient", async (ctx, _) =>
            {
                try
                {
                    return await ctx.WaitForExternalEvent<string>("Reply", TimeSpan.FromDays(14));
                }
                catch (TaskCanceledException)
                {
                    return $"timed out at {ctx.CurrentUtcDateTime:yyyy-MM-dd}";
                }
            }));

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Patient"));

        Assert.Equal("timed out at 2026-01-19", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_event_arriving_before_the_timeout_wins()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Patient", async (ctx, _) =>
            {
                var reply = await ctx.WaitForExternalEvent<string>("Reply", TimeSpan.FromDays(14));
                await ctx.CreateTimer(TimeSpan.FromDays(20), CancellationToken.None); // the stale timeout timer must not matter
                return $"{reply} at {ctx.CurrentUtcDateTime:yyyy-MM-dd}";
            }), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Patient");
        await host.AdvanceTimeAsync(TimeSpan.FromDays(5));
        await host.Client.RaiseEventAsync(id, "Reply", "hello");
        await host.AdvanceTimeAsync(TimeSpan.FromDays(30));
        var done = await CompleteAsync(host, id);

        Assert.Equal("hello at 2026-01-30", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_restarts_with_new_input_and_keeps_history_bounded()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Counter", async (ctx, n) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
                if (n < 24)
                {
                    ctx.ContinueAsNew(n + 1);
                }

                return n;
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Counter", 0);
        var done = await CompleteAsync(host, id);

        Assert.Equal(24, done.ReadOutputAs<int>());
        var history = await host.Store.GetHistoryAsync(id, CancellationToken.None);
        Assert.True(history.Count < 10, $"history has {history.Count} events");
        Assert.Equal(24, history.Single(e => e.Type == HistoryEventType.ExecutionStarted).Input is { } input ? int.Parse(input, System.Globalization.CultureInfo.InvariantCulture) : -1);
    }

    [Theory]
    [InlineData(true, "a|b")]
    [InlineData(false, "a|none")]
    public async Task ContinueAsNew_carries_unprocessed_events_when_asked(bool preserve, string expected)
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Generations", async (ctx, previous) =>
            {
                if (previous is null)
                {
                    var first = await ctx.WaitForExternalEvent<string>("Item");
                    await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None); // the second event arrives meanwhile
                    ctx.ContinueAsNew(first, preserve);
                    return string.Empty;
                }

                try
                {
                    return previous + "|" + await ctx.WaitForExternalEvent<string>("Item", TimeSpan.FromDays(7));
                }
                catch (TaskCanceledException)
                {
                    return previous + "|none";
                }
            }), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Generations");
        await host.Client.RaiseEventAsync(id, "Item", "a");
        await host.Client.RaiseEventAsync(id, "Item", "b");
        await host.AdvanceTimeAsync(TimeSpan.FromDays(10));
        var done = await CompleteAsync(host, id);

        Assert.Equal(expected, done.ReadOutputAs<string>());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_backlog_of_events_waits_in_the_inbox_and_each_execution_replays_only_what_it_took(bool extendedSessions)
    {
        // A ticket's pattern: take one event, write it down (an activity), continue as new every few turns. The whole
        // backlog is raised while the first write is held; each write notes how long the instance's history is then.
        const int events = 140; // over twice the held messages an episode loads (SqliteOrchestrationStore.HeldMessagesPerEpisode)
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new System.Collections.Concurrent.ConcurrentQueue<(int Item, int HistoryLength)>();
        DurableTestHost? running = null;
        var replayed = 0;
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<int, int>("Ledger", async (ctx, taken) =>
            {
                for (var turn = 0; turn < 3; turn++)
                {
                    var item = await ctx.WaitForExternalEvent<int>("Item");
                    replayed += ctx.IsReplaying ? 1 : 0;
                    await ctx.CallActivityAsync<bool>("Write", item);
                    if (++taken == events)
                    {
                        return taken;
                    }
                }

                ctx.ContinueAsNew(taken, preserveUnprocessedEvents: true);
                return taken;
            })
            .AddActivityFunc<int, bool>("Write", async (ctx, item) =>
            {
                await firstWrite.Task;
                var instance = await running!.Store.GetInstanceAsync(ctx.InstanceId, includePayloads: false, CancellationToken.None);
                written.Enqueue((item, instance!.HistoryCount));
                return true;
            }), skipTime: false, extendedSessions: extendedSessions);
        running = host;

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Ledger", 0);
        for (var i = 0; i < events; i++)
        {
            await host.Client.RaiseEventAsync(id, "Item", i);
        }

        firstWrite.SetResult();
        var done = await CompleteAsync(host, id);

        Assert.Equal(events, done.ReadOutputAs<int>());
        Assert.Equal(Enumerable.Range(0, events), written.Select(w => w.Item));

        // Three turns of about five events each: a history that took in the backlog would be over a hundred long.
        Assert.True(written.Max(w => w.HistoryLength) <= 20, $"longest history {written.Max(w => w.HistoryLength)}");

        // With extended sessions the orchestrator waits in memory between episodes: nothing it did runs again.
        Assert.True(extendedSessions == (replayed == 0), $"{replayed} turns replayed");
    }

    [Fact]
    public async Task A_sub_orchestration_returns_its_output_and_knows_its_parent()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Parent", async (ctx, _) =>
                await ctx.CallSubOrchestratorAsync<string>("Child", 20, new SubOrchestrationOptions { InstanceId = "child-1" }))
            .AddOrchestratorFunc<int, string>("Child", async (ctx, n) =>
            {
                await ctx.CreateTimer(TimeSpan.FromDays(n), CancellationToken.None);
                return $"{ctx.InstanceId} of {ctx.Parent!.InstanceId} ({ctx.Parent.Name.Name}) after {n} days";
            }));

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("parent-1")));

        Assert.Equal("child-1 of parent-1 (Parent) after 20 days", done.ReadOutputAs<string>());
        var child = await host.Store.GetInstanceAsync("child-1", includePayloads: false, CancellationToken.None);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.Status);
        Assert.Equal("parent-1", child.ParentInstanceId);
    }

    [Fact]
    public async Task Terminating_a_sub_orchestration_fails_the_parents_call_and_retries_use_durable_timers()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = "the-child" });
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    var retried = await ctx.CallSubOrchestratorAsync<int>(
                        "Flaky", null, new SubOrchestrationOptions(TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromHours(1)))));
                    return $"{ex.FailureDetails.ErrorMessage} / retried {retried}";
                }
            })
            .AddOrchestratorFunc<string?, string>("Child", (ctx, _) => ctx.WaitForExternalEvent<string>("Never"))
            .AddOrchestratorFunc<string?, int>("Flaky", Task<int> (ctx, _) => ctx.CurrentUtcDateTime < Start.UtcDateTime.AddMinutes(90)
                ? throw new InvalidOperationException("not yet")
                : Task.FromResult(ctx.CurrentUtcDateTime.Hour)), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent");
        await host.WaitForIdleAsync();
        await host.Client.TerminateInstanceAsync("the-child", "stop");
        await host.RunUntilIdleAsync();
        var done = await CompleteAsync(host, id);

        Assert.Equal("Sub-orchestration 'the-child' was terminated. / retried 11", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_running_instance_id_is_rejected_and_a_finished_one_is_replaced_by_default()
    {
        // Durable Functions' default (overridableExistingInstanceStates = NonRunningStates); DedupeStatuses override it.
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Forever", (ctx, _) => ctx.WaitForExternalEvent<string>("Go")));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", "first", new StartOrchestrationOptions("ticket-42"));
        await host.Client.WaitForInstanceStartAsync("ticket-42");

        var rejected = await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() =>
            host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", null, new StartOrchestrationOptions("ticket-42")));
        Assert.Contains("'ticket-42'", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("Running", rejected.Message, StringComparison.Ordinal);

        await host.Client.RaiseEventAsync("ticket-42", "Go", "went");
        await CompleteAsync(host, "ticket-42");
        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync(
            "Forever", "second", new StartOrchestrationOptions("ticket-42").WithDedupeStatuses(OrchestrationRuntimeStatus.Completed)));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", "third", new StartOrchestrationOptions("ticket-42"));
        Assert.Equal("third", (await host.Client.GetInstanceAsync("ticket-42", getInputsAndOutputs: true))!.ReadInputAs<string>());
    }

    [Fact]
    public async Task A_scheduled_start_waits_for_its_time()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, DateTime>("Later", (ctx, _) => Task.FromResult(ctx.CurrentUtcDateTime)), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Later", null, new StartOrchestrationOptions(StartAt: Start.AddDays(3)));
        await host.WaitForIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Pending, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.AdvanceTimeAsync(TimeSpan.FromDays(3));
        var done = await CompleteAsync(host, id);

        Assert.Equal(Start.UtcDateTime.AddDays(3), done.ReadOutputAs<DateTime>());
    }

    [Fact]
    public async Task A_replay_that_asks_for_a_different_action_fails_the_instance_naming_the_mismatch()
    {
        var useNewCode = false;
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Changing", async (ctx, _) =>
            {
                await ctx.CallActivityAsync<string>(Volatile.Read(ref useNewCode) ? "SendLetter" : "SendEmail");
                return await ctx.WaitForExternalEvent<string>("Reply");
            })
            .AddActivityFunc<string?, string>("SendEmail", (_, _) => Task.FromResult("sent"))
            .AddActivityFunc<string?, string>("SendLetter", (_, _) => Task.FromResult("posted")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Changing");
        await host.WaitForIdleAsync();
        Volatile.Write(ref useNewCode, true); // a deploy changed the orchestrator while the instance waits
        await host.Client.RaiseEventAsync(id, "Reply", "ok");
        var done = await CompleteAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("TaskScheduled 'SendEmail' (task #0)", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CallActivity 'SendLetter' (task #0)", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("step", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replay_that_schedules_an_extra_action_is_detected()
    {
        var useNewCode = false;
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Growing", async (ctx, _) =>
            {
                if (Volatile.Read(ref useNewCode))
                {
                    await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                }

                return await ctx.WaitForExternalEvent<string>("Reply");
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Growing");
        await host.WaitForIdleAsync();
        Volatile.Write(ref useNewCode, true);
        await host.Client.RaiseEventAsync(id, "Reply", "ok");
        var done = await CompleteAsync(host, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("CreateTimer (task #0)", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queries_filter_by_status_time_and_prefix_and_page()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok"))
            .AddOrchestratorFunc<string?, string>("Slow", (ctx, _) => ctx.WaitForExternalEvent<string>("Go")), skipTime: false);

        for (var i = 0; i < 7; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new StartOrchestrationOptions($"quick-{i}"));
        }

        await host.AdvanceTimeAsync(TimeSpan.FromHours(1));
        for (var i = 0; i < 3; i++)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync("Slow", null, new StartOrchestrationOptions($"slow-{i}"));
        }

        await host.WaitForIdleAsync();

        var completed = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Completed], PageSize = 3 }));
        Assert.Equal(7, completed.Count);
        Assert.Equal(7, completed.Select(m => m.InstanceId).Distinct().Count());
        var first = await host.Client.GetAllInstancesAsync(new OrchestrationQuery { PageSize = 3 }).AsPages().FirstAsync();
        Assert.Equal(3, first.Values.Count);
        Assert.NotNull(first.ContinuationToken);
        var slow = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "slow-" }));
        Assert.Equal(["slow-0", "slow-1", "slow-2"], slow.Select(m => m.InstanceId).Order().ToArray());
        var recent = await ToListAsync(host.Client.GetAllInstancesAsync(new OrchestrationQuery { CreatedFrom = Start.AddMinutes(30), FetchInputsAndOutputs = true }));
        Assert.All(recent, m => Assert.Equal(OrchestrationRuntimeStatus.Running, m.RuntimeStatus));
        Assert.Equal(3, recent.Count);
    }

    [Fact]
    public async Task Purging_one_instance_deletes_it_and_its_history()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick");
        await CompleteAsync(host, id);

        Assert.Equal(1, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);

        Assert.Null(await host.Client.GetInstanceAsync(id));
        Assert.Empty(await host.Store.GetHistoryAsync(id, CancellationToken.None));
        Assert.Equal(0, (await host.Client.PurgeInstanceAsync(id)).PurgedInstanceCount);
    }

    [Fact]
    public async Task Purge_by_filter_deletes_100000_instances_in_bulk()
    {
        const int count = 100_000;
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")), startWorker: false);

        var output = Output;
        var seedWatch = Stopwatch.StartNew();

        // Seed through the client (a client-only host leaves them Pending); writes are group-committed.
        var seeding = new List<Task<string>>(count);
        for (var i = 0; i < count; i++)
        {
            seeding.Add(host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new StartOrchestrationOptions($"old-{i:D6}")));
        }

        await Task.WhenAll(seeding);
        host.Time.Advance(TimeSpan.FromDays(1));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new StartOrchestrationOptions("new-one"));

        output?.WriteLine($"seeding {count} instances took {seedWatch.Elapsed}");
        var watch = Stopwatch.StartNew();
        var result = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter(CreatedTo: Start.AddHours(1), Statuses: [OrchestrationRuntimeStatus.Pending]));
        watch.Stop();

        output?.WriteLine($"purging {result.PurgedInstanceCount} instances by filter took {watch.Elapsed}");
        Assert.Equal(count, result.PurgedInstanceCount);
        Assert.NotNull(await host.Client.GetInstanceAsync("new-one"));
        Assert.Null(await host.Client.GetInstanceAsync("old-000042"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"purge took {watch.Elapsed}");
    }

    [Fact]
    public async Task Purge_by_filter_defaults_to_finished_instances()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok"))
            .AddOrchestratorFunc<string?, string>("Slow", (ctx, _) => ctx.WaitForExternalEvent<string>("Go")));
        var quick = await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick");
        var slow = await host.Client.ScheduleNewOrchestrationInstanceAsync("Slow");
        await CompleteAsync(host, quick);
        await host.Client.WaitForInstanceStartAsync(slow);

        var result = await host.Client.PurgeAllInstancesAsync(new PurgeInstancesFilter());

        Assert.Equal(1, result.PurgedInstanceCount);
        Assert.NotNull(await host.Client.GetInstanceAsync(slow));
    }

    [Fact]
    public async Task Raising_an_event_for_an_unknown_instance_is_an_error()
    {
        await using var host = await StartAsync(r => r.AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Client.RaiseEventAsync("nobody", "Hello"));

        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_replay_safe_logger_writes_each_line_once()
    {
        var logs = new CapturingLoggerFactory();
        var replayFlags = new List<bool>();
        await using var host = await StartAsync(
            r => r
                .AddOrchestratorFunc<string?, int>("Chatty", async (ctx, _) =>
                {
                    var log = ctx.CreateReplaySafeLogger("Chatty");
                    for (var step = 0; step < 3; step++)
                    {
                        lock (replayFlags)
                        {
                            replayFlags.Add(ctx.IsReplaying);
                        }

#pragma warning disable CA1848, CA2254 // a plain call keeps the test readable
                        log.LogInformation("step {Step} at {Time}", step, ctx.CurrentUtcDateTime);
#pragma warning restore CA1848, CA2254
                        await ctx.CreateTimer(TimeSpan.FromDays(1), CancellationToken.None);
                    }

                    return 3;
                }),
            services: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(logs));

        await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("Chatty"));

        var lines = logs.Lines.Where(l => l.StartsWith("Chatty:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Chatty: step 0 at 01/05/2026 09:00:00", "Chatty: step 1 at 01/06/2026 09:00:00", "Chatty: step 2 at 01/07/2026 09:00:00"], lines);
        Assert.Contains(true, replayFlags); // later episodes replay the earlier steps
    }

    [Fact]
    public async Task RunUntilIdle_fires_timers_up_to_the_limit_and_stops()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, int>("Monthly", async (ctx, _) =>
            {
                for (var month = 1; month <= 6; month++)
                {
                    await ctx.CreateTimer(TimeSpan.FromDays(30), CancellationToken.None);
                    ctx.SetCustomStatus(month);
                }

                return 6;
            }), skipTime: false);

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Monthly");
        await host.RunUntilIdleAsync(Start.AddDays(95));

        var state = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        Assert.Equal(3, state!.ReadCustomStatusAs<int>());
        Assert.Equal(Start.AddDays(90), host.Time.GetUtcNow());

        await host.RunUntilIdleAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.Equal(Start.AddDays(180), host.Time.GetUtcNow());
    }

    [Fact]
    public async Task Durable_entities_and_rewind_say_they_are_not_supported()
    {
        await using var host = await StartAsync(r => r
            .AddOrchestratorFunc<string?, string>("UsesEntities", (ctx, _) => Task.FromResult(ctx.Entities.GetType().Name)));

        var done = await CompleteAsync(host, await host.Client.ScheduleNewOrchestrationInstanceAsync("UsesEntities"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NotSupportedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("Durable Entities", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Durable Entities", Assert.Throws<NotSupportedException>(() => host.Client.Entities).Message, StringComparison.Ordinal);
        Assert.Contains("Rewind", (await Assert.ThrowsAsync<NotSupportedException>(() => host.Client.RewindInstanceAsync(done.InstanceId, "why"))).Message, StringComparison.Ordinal);
    }

    private static TimeProvider? TimeNow { get; set; }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

using OrchestrationAlreadyExistsException = DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Storage;

namespace TicketFlow.Durable.Tests.Engines;

/// <summary>
/// The differential contract: every test runs on the embedded engine and on Microsoft's in-process host, from this
/// one source, and asserts the same runtime status, output, custom status and activity sequence on both. Only what
/// needs no virtual time is here (Microsoft's host waits real time); the rest is in
/// <see cref="DurableRuntimeContractTests"/>, embedded only. Where the engines differ on purpose, the test says so
/// and src/Durable/README.md documents it.
/// </summary>
public sealed class EngineContractTests
{
    public static TheoryData<Engine> Engines => EngineHost.Both;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Activities_run_in_sequence_and_the_output_is_recorded(Engine engine)
    {
        var log = new ActivityLog();
        await using var host = await EngineHost.StartAsync(
            engine,
            r => r
                .AddOrchestratorFunc<string, string>("Sequence", async (ctx, name) =>
                {
                    var a = await ctx.CallActivityAsync<string>("Hello", name + "1");
                    var b = await ctx.CallActivityAsync<string>("Hello", name + "2");
                    var c = await ctx.CallActivityAsync<string>("Hello", name + "3");
                    return string.Join(",", a, b, c);
                })
                .AddActivityFunc<string, string>("Hello", (_, s) =>
                {
                    log.Add($"Hello({s})");
                    return Task.FromResult($"Hello {s}");
                }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sequence", "x");
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello x1,Hello x2,Hello x3", done.ReadOutputAs<string>());
        Assert.Equal("x", done.ReadInputAs<string>());
        Assert.Equal(["Hello(x1)", "Hello(x2)", "Hello(x3)"], log.Entries);
        if (host.Store is { } store)
        {
            var history = await store.GetHistoryAsync(id, CancellationToken.None);
            DurableRuntimeContractTests.AssertGapFreeHistory(history);
            Assert.Equal(HistoryEventType.ExecutionCompleted, history[^1].Type);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Activities_are_resolved_from_dependency_injection(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(
            engine,
            r => r.AddOrchestrator<GreetingOrchestrator>().AddActivity<GreetActivity>(),
            s => s.AddSingleton(new Greeter("Good morning")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(GreetingOrchestrator), new GreetingRequest("Ada", new DateOnly(2026, 1, 5)));
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new GreetingResult("Good morning, Ada", new DateOnly(2026, 1, 5)), done.ReadOutputAs<GreetingResult>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_failing_activity_surfaces_as_TaskFailedException_with_failure_details(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Caller", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync<string>("Boom");
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}|{ex.FailureDetails.IsCausedBy<InvalidOperationException>()}|{ex.FailureDetails.StackTrace is not null}";
                }
            })
            .AddActivityFunc<string?, string>("Boom", Task<string> (_, _) => throw new InvalidOperationException("disk on fire")));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Caller"));

        Assert.Equal("Boom|System.InvalidOperationException|disk on fire|True|True", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_unhandled_activity_failure_fails_the_instance(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Caller", (ctx, _) => ctx.CallActivityAsync<string>("Boom"))
            .AddActivityFunc<string?, string>("Boom", Task<string> (_, _) => throw new ArgumentException("bad input")));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Caller"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(TaskFailedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("Boom", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_failure_the_retry_predicate_rejects_is_not_retried(Engine engine)
    {
        var log = new ActivityLog();
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, int>("Retrying", (ctx, _) => ctx.CallActivityAsync<int>(
                "Flaky", null, TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromMilliseconds(10))
                {
                    HandleFailure = f => !f.IsCausedBy<ArgumentException>(),
                })))
            .AddActivityFunc<string?, int>("Flaky", Task<int> (_, _) =>
            {
                log.Add("Flaky");
                throw new ArgumentException("permanent");
            }));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Retrying"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(["Flaky"], log.Entries);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_custom_retry_handler_decides_each_retry(Engine engine)
    {
        var log = new ActivityLog();
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Handled", async (ctx, _) =>
            {
                var attempts = new List<int>();
                var result = await ctx.CallActivityAsync<int>("Flaky", null, TaskOptions.FromRetryHandler(retry =>
                {
                    attempts.Add(retry.LastAttemptNumber);
                    return retry.LastFailure.IsCausedBy<TimeoutException>() && retry.LastAttemptNumber < 5;
                }));
                return $"{result} after {string.Join(",", attempts)}";
            })
            .AddActivityFunc<string?, int>("Flaky", (_, _) =>
            {
                log.Add("Flaky");
                return log.Entries.Count < 3 ? throw new TimeoutException("again") : Task.FromResult(log.Entries.Count);
            }));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Handled"));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("3 after 1,2", done.ReadOutputAs<string>());
        Assert.Equal(["Flaky", "Flaky", "Flaky"], log.Entries);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Events_raised_right_after_the_start_are_kept_and_names_are_case_insensitive(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Collector", async (ctx, _) =>
            {
                var first = await ctx.WaitForExternalEvent<int>("Number");
                var second = await ctx.WaitForExternalEvent<int>("number");
                return $"{first}+{second}";
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Collector");
        await host.Client.RaiseEventAsync(id, "Number", 1);
        await host.Client.RaiseEventAsync(id, "Number", 2);
        var done = await host.CompleteAsync(id);

        Assert.Equal("1+2", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_wait_cancelled_by_its_token_throws_and_a_later_event_is_kept(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Cancelling", async (ctx, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var first = ctx.WaitForExternalEvent<string>("Ignored", cancel.Token);
                cancel.Cancel();
                var outcome = "not cancelled";
                try
                {
                    await first;
                }
                catch (OperationCanceledException)
                {
                    outcome = "cancelled";
                }

                return $"{outcome}, then {await ctx.WaitForExternalEvent<string>("Wanted")}";
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Cancelling");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.RaiseEventAsync(id, "Wanted", "go");
        var done = await host.CompleteAsync(id);

        Assert.Equal("cancelled, then go", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task SendEvent_delivers_to_another_instance(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Receiver", (ctx, _) => ctx.WaitForExternalEvent<string>("Note"))
            .AddOrchestratorFunc<string, string>("Sender", async (ctx, target) =>
            {
                ctx.SendEvent(target, "Note", $"from {ctx.InstanceId}");
                return await ctx.CallActivityAsync<string>("Echo", "sent");
            })
            .AddActivityFunc<string, string>("Echo", (_, s) => Task.FromResult(s)));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("Receiver", null, new StartOrchestrationOptions("receiver-1"));
        await host.Client.WaitForInstanceStartAsync("receiver-1");
        var sender = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sender", "receiver-1", new StartOrchestrationOptions("sender-1"));

        Assert.Equal("sent", (await host.CompleteAsync(sender)).ReadOutputAs<string>());
        Assert.Equal("from sender-1", (await host.CompleteAsync("receiver-1")).ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_sub_orchestration_gets_the_chosen_id_knows_its_parent_and_returns_its_output(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Parent", (ctx, _) =>
                ctx.CallSubOrchestratorAsync<string>("Child", 20, new SubOrchestrationOptions { InstanceId = "child-1" }))
            .AddOrchestratorFunc<int, string>("Child", async (ctx, n) =>
            {
                var doubled = await ctx.CallActivityAsync<int>("Double", n);
                return $"{ctx.InstanceId} of {ctx.Parent!.InstanceId} ({ctx.Parent.Name}): {doubled}";
            })
            .AddActivityFunc<int, int>("Double", (_, n) => Task.FromResult(n * 2)));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("parent-1")));

        Assert.Equal("child-1 of parent-1 (Parent): 40", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await host.Client.GetInstanceAsync("child-1"))!.RuntimeStatus);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_sub_orchestration_failure_reaches_the_parent(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<string>("Child");
                    return "no failure";
                }
                catch (TaskFailedException ex)
                {
                    return $"{ex.TaskName}: {ex.FailureDetails.ErrorMessage}";
                }
            })
            .AddOrchestratorFunc<string?, string>("Child", Task<string> (_, _) => throw new InvalidOperationException("child broke")));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent"));

        Assert.Equal("Child: child broke", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Terminate_ends_a_waiting_instance_with_the_given_output(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Forever", (ctx, _) => ctx.WaitForExternalEvent<string>("Never")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.TerminateInstanceAsync(id, "closed by staff");
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("closed by staff", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Recursive_terminate_ends_the_sub_orchestrations_too(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Parent", (ctx, _) =>
                ctx.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = "tree-child" }))
            .AddOrchestratorFunc<string?, string>("Child", (ctx, _) => ctx.WaitForExternalEvent<string>("Never")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("tree-parent"));
        await host.WaitForStatusAsync("tree-child", OrchestrationRuntimeStatus.Running);
        await host.Client.TerminateInstanceAsync(id, new TerminateInstanceOptions { Output = "stop", Recursive = true });

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.CompleteAsync(id)).RuntimeStatus);
        if (engine == Engine.Microsoft)
        {
            // Known gap of Microsoft's in-process host (0.2.3-preview.1): its gRPC server ignores Recursive, so the
            // child keeps running. Durable Functions and the Durable Task Scheduler end it, as ours does (README).
            Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync("tree-child"))!.RuntimeStatus);
            return;
        }

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await host.CompleteAsync("tree-child")).RuntimeStatus);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_suspended_instance_holds_events_until_resumed(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Approver", (ctx, _) => ctx.WaitForExternalEvent<string>("Decision")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Approver");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.SuspendInstanceAsync(id, "audit");
        await host.WaitForStatusAsync(id, OrchestrationRuntimeStatus.Suspended);
        await host.Client.RaiseEventAsync(id, "Decision", "approved");
        Assert.Equal(OrchestrationRuntimeStatus.Suspended, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);

        await host.Client.ResumeInstanceAsync(id, "done");
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("approved", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Custom_status_new_guids_version_and_replay_flags_are_replay_safe(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Stateful", async (ctx, _) =>
            {
                var first = ctx.NewGuid();
                var replayedAtStart = ctx.IsReplaying;
                ctx.SetCustomStatus(new StageStatus("waiting", first));
                await ctx.CallActivityAsync<string>("Step", "one"); // the next episode replays the lines above
                var second = ctx.NewGuid();
                ctx.SetCustomStatus(new StageStatus("done", first));
                return $"{first}|{second}|{ctx.Version}|{ctx.CompareVersionTo("2.0") > 0}|{ctx.CompareVersionTo("2.1")}|{replayedAtStart}|{ctx.IsReplaying}";
            })
            .AddActivityFunc<string, string>("Step", (_, s) => Task.FromResult(s)));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Stateful", null, new StartOrchestrationOptions { Version = new TaskVersion("2.1") });
        var done = await host.CompleteAsync(id);

        var parts = done.ReadOutputAs<string>()!.Split('|');
        var status = done.ReadCustomStatusAs<StageStatus>()!;
        Assert.Equal(Guid.Parse(parts[0]), status.First); // the replayed GUID equals the first episode's
        Assert.NotEqual(parts[0], parts[1]);
        Assert.Equal("done", status.Stage);
        Assert.Equal(["2.1", "True", "0", "True", "False"], parts[2..]);
    }

    // Embedded only: Microsoft documents that ContinueAsNew(preserveUnprocessedEvents: true) carries unprocessed events
    // into the new execution, but its in-process host 0.2.3-preview.1 leaves the new execution waiting (the run times
    // out). Ours keeps them, as documented; src/Durable/README.md lists the difference.
    [Theory]
    [InlineData(Engine.Embedded)]
    public async Task ContinueAsNew_keeps_events_that_arrived_before_it_when_asked(Engine engine)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Generations", async (ctx, previous) =>
            {
                if (previous is null)
                {
                    var first = await ctx.WaitForExternalEvent<string>("Item");
                    await ctx.CallActivityAsync<string>("Hold", first); // the second event arrives meanwhile
                    ctx.ContinueAsNew(first, preserveUnprocessedEvents: true);
                    return string.Empty;
                }

                return previous + "|" + await ctx.WaitForExternalEvent<string>("Item");
            })
            .AddActivityFunc<string, string>("Hold", async (_, s) =>
            {
                await gate.Task;
                return s;
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Generations");
        await host.Client.RaiseEventAsync(id, "Item", "a");
        await host.Client.RaiseEventAsync(id, "Item", "b");
        gate.SetResult();
        var done = await host.CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("a|b", done.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Tags_given_at_scheduling_are_read_back(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Tagged", (_, _) => Task.FromResult("ok")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Tagged", null, new StartOrchestrationOptions
        {
            Tags = new Dictionary<string, string> { ["en"] = "P00001", ["kind"] = "ticket" },
        });
        await host.CompleteAsync(id);
        var state = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: false);

        Assert.Equal("P00001", state!.Tags["en"]);
        Assert.Equal("ticket", state.Tags["kind"]);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Restart_runs_a_finished_instance_again_under_its_id_or_a_new_one(Engine engine)
    {
        var log = new ActivityLog();
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string, string>("Once", (ctx, s) => ctx.CallActivityAsync<string>("Note", s))
            .AddActivityFunc<string, string>("Note", (_, s) =>
            {
                log.Add(s);
                return Task.FromResult(s.ToUpperInvariant());
            }));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Once", "hi", new StartOrchestrationOptions("restart-me"));
        await host.CompleteAsync(id);

        var same = await host.Client.RestartAsync(id, restartWithNewInstanceId: false);
        var again = await host.CompleteAsync(same);
        var fresh = await host.Client.RestartAsync(id, restartWithNewInstanceId: true);
        var other = await host.CompleteAsync(fresh);

        Assert.Equal("restart-me", same);
        Assert.NotEqual(id, fresh);
        Assert.Equal("HI", again.ReadOutputAs<string>());
        Assert.Equal("hi", other.ReadInputAs<string>());
        Assert.Equal(["hi", "hi", "hi"], log.Entries);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.RestartAsync("nobody"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Queries_page_through_instances(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")));
        for (var i = 0; i < 5; i++)
        {
            await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Quick", null, new StartOrchestrationOptions($"page-{i}")));
        }

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = "page-", PageSize = 2 }).AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], pages.SelectMany(p => p.Values).Select(m => m.InstanceId).Order());
        Assert.True(pages.Count >= 3, $"{pages.Count} pages");
        Assert.All(pages.SelectMany(p => p.Values), m => Assert.Equal(OrchestrationRuntimeStatus.Completed, m.RuntimeStatus));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Purging_one_instance_recursively_deletes_its_sub_orchestrations(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Parent", (ctx, _) =>
                ctx.CallSubOrchestratorAsync<string>("Child", null, new SubOrchestrationOptions { InstanceId = "purge-child" }))
            .AddOrchestratorFunc<string?, string>("Child", (_, _) => Task.FromResult("ok")));

        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", null, new StartOrchestrationOptions("purge-parent"));
        await host.CompleteAsync(id);

        var purged = await host.Client.PurgeInstanceAsync(id, new PurgeInstanceOptions(Recursive: true));

        Assert.Null(await host.Client.GetInstanceAsync(id));
        if (engine == Engine.Microsoft)
        {
            // Known gap of Microsoft's in-process host (0.2.3-preview.1): Recursive is ignored, the child stays (README).
            Assert.Equal(1, purged.PurgedInstanceCount);
            Assert.NotNull(await host.Client.GetInstanceAsync("purge-child"));
            return;
        }

        Assert.Equal(2, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync("purge-child"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Reading_without_inputs_and_outputs_leaves_them_out(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string, string>("Echo", (_, s) => Task.FromResult(s)));
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Echo", "payload");
        await host.CompleteAsync(id);

        var bare = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: false);
        var full = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: true);

        Assert.Null(bare!.SerializedOutput);
        Assert.Null(bare.SerializedInput);
        Assert.Equal("payload", full!.ReadOutputAs<string>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Fan_out_and_fan_in_over_many_activities(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<int, int>("FanOut", async (ctx, n) =>
            {
                var results = await Task.WhenAll(Enumerable.Range(1, n).Select(i => ctx.CallActivityAsync<int>("Square", i)));
                return results.Sum();
            })
            .AddActivityFunc<int, int>("Square", (_, i) => Task.FromResult(i * i)));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 50));

        Assert.Equal(Enumerable.Range(1, 50).Sum(i => i * i), done.ReadOutputAs<int>());
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_unregistered_orchestrator_fails_the_instance_with_its_name(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r.AddOrchestratorFunc<string?, string>("Quick", (_, _) => Task.FromResult("ok")));

        var done = await host.CompleteAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Missing"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("Missing", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Scheduling_a_running_instance_id_again_is_rejected(Engine engine)
    {
        await using var host = await EngineHost.StartAsync(engine, r => r
            .AddOrchestratorFunc<string?, string>("Forever", (ctx, _) => ctx.WaitForExternalEvent<string>("Go")));
        await host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", null, new StartOrchestrationOptions("dup-1"));
        await host.Client.WaitForInstanceStartAsync("dup-1");

        var dedupe = new StartOrchestrationOptions("dup-1").WithDedupeStatuses(OrchestrationRuntimeStatus.Running);

        await Assert.ThrowsAnyAsync<Exception>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", null, dedupe));
        if (engine == Engine.Embedded)
        {
            await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(() => host.Client.ScheduleNewOrchestrationInstanceAsync("Forever", null, dedupe));
        }
    }

    internal sealed record StageStatus(string Stage, Guid First);
}

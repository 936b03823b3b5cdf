using Microsoft.DurableTask;
using Moq;

namespace TicketFlow.Workflow.Tests;

/// <summary>The event-or-time wait on a mocked context (Microsoft's documented unit-test style for orchestrators).</summary>
public sealed class OrchestrationWaitsTests
{
    private static readonly DateTimeOffset WakeAt = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_event_wins_and_the_timer_is_cancelled()
    {
        var context = new Mock<TaskOrchestrationContext>();
        var timerToken = CancellationToken.None;
        context.Setup(c => c.WaitForExternalEvent<string>("Reply", It.IsAny<CancellationToken>())).ReturnsAsync("yes");
        context.Setup(c => c.CreateTimer(WakeAt.UtcDateTime, It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((_, token) => timerToken = token)
            .Returns(new TaskCompletionSource().Task);

        var received = await context.Object.EventOrTimeAsync<string>("Reply", WakeAt);

        Assert.Equal("yes", received);
        Assert.True(timerToken.IsCancellationRequested);
    }

    [Fact]
    public async Task The_time_wins_with_null_and_the_event_wait_is_cancelled()
    {
        var context = new Mock<TaskOrchestrationContext>();
        var waitToken = CancellationToken.None;
        context.Setup(c => c.WaitForExternalEvent<string>("Reply", It.IsAny<CancellationToken>()))
            .Callback<string, CancellationToken>((_, token) => waitToken = token)
            .Returns(new TaskCompletionSource<string>().Task);
        context.Setup(c => c.CreateTimer(WakeAt.UtcDateTime, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        var received = await context.Object.EventOrTimeAsync<string>("Reply", WakeAt);

        Assert.Null(received);
        Assert.True(waitToken.IsCancellationRequested); // an event arriving later stays buffered for the next wait
    }

    [Fact]
    public async Task Without_a_time_it_waits_for_the_event_only()
    {
        var context = new Mock<TaskOrchestrationContext>();
        context.Setup(c => c.WaitForExternalEvent<string>("Reply", It.IsAny<CancellationToken>())).ReturnsAsync("later");

        Assert.Equal("later", await context.Object.EventOrTimeAsync<string>("Reply", null));
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}

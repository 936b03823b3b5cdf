using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Moq;
using TicketFlow.Api;
using TicketFlow.Api.Tickets;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Api.Tests.Tickets;

/// <summary>
/// The gate's guarantee, with the durable write held by the test: a valid sequence sent at once is accepted and written
/// in an order the workflow (the real TicketState and transition table) applies without a refusal; an invalid event
/// among them is refused; a failed write releases its reservation; contacts for one ticket are written side by side;
/// and the host forgets a ticket once its events are applied.
/// </summary>
public sealed class TicketEventGateTests
{
    private const string Ticket = "ticket:P00001:T-1";
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Fact]
    public async Task Contacts_for_one_ticket_are_written_side_by_side_not_one_after_another()
    {
        var store = new HeldStore();
        var assigned = store.Workflow(Assignment());

        var requests = Enumerable.Range(0, 10).Select(i => store.RaiseAsync(Ticket, assigned.Facts, Contact(i), prepare: null, CancellationToken.None)).ToArray();

        // All ten durable writes are under way before any of them finishes: no request waits behind another's write.
        await store.UntilAsync(() => store.Outstanding == 10);
        store.ReleaseAll();
        Assert.All(await Task.WhenAll(requests), r => Assert.True(r.Decision.Allowed));
    }

    [Fact]
    public async Task A_valid_sequence_sent_at_once_is_accepted_and_written_in_an_order_the_workflow_applies_without_refusal()
    {
        var store = new HeldStore();
        var registered = store.Workflow(Array.Empty<TicketEvent>());
        TicketEvent[] sequence =
        [
            Signed(), new IwpSubmitted(Day, "en"), new TpmReceiptRecorded(Day, "en"), new ReviewDecisionRecorded(Day, "en", Compliant: true),
            Contact(1), Contact(2), Contact(3), new WorkStarted(Day, "en"), Contact(4), new PhaseChanged(Day.AddDays(1), "en"), Contact(5, Day.AddDays(1)), Contact(6, Day.AddDays(1)),
        ];

        // Every request reads the facts before any event is applied, as a client sending them back to back would.
        var requests = sequence.Select(e => store.RaiseAsync(Ticket, registered.Facts, e, prepare: null, CancellationToken.None)).ToArray();
        await store.ReleaseNewestFirstAsync(requests);

        Assert.All(await Task.WhenAll(requests), r => Assert.True(r.Decision.Allowed, r.Decision.Reason));
        var workflow = store.Workflow(store.Committed);
        Assert.Empty(workflow.Refused);
        Assert.Equal(TicketStatus.OngoingSupport, workflow.Facts.Status);
        Assert.Equal(sequence.Length, store.Committed.Count);
    }

    [Fact]
    public async Task An_invalid_event_among_a_sequence_sent_at_once_is_refused_and_never_written()
    {
        var store = new HeldStore();
        var registered = store.Workflow(Array.Empty<TicketEvent>());
        TicketEvent[] sequence =
        [
            Signed(), Contact(1), new IwpSubmitted(Day, "en"), new TpmReceiptRecorded(Day, "en"), new TpmReceiptRecorded(Day, "en"),
            new ReviewDecisionRecorded(Day, "en", Compliant: true), Contact(2), new ContactAttemptRecorded(Day.AddDays(-1), "en", "early", ContactMethod.Phone, true),
        ];

        var requests = sequence.Select(e => store.RaiseAsync(Ticket, registered.Facts, e, prepare: null, CancellationToken.None)).ToArray();
        await store.ReleaseNewestFirstAsync(requests);
        var answers = await Task.WhenAll(requests);

        // The contact before the assignment, the second receipt and the contact dated before the assignment are refused,
        // as the workflow would refuse them where they stand; the rest is written and applied without a refusal.
        Assert.Equal([true, false, true, true, false, true, true, false], answers.Select(a => a.Decision.Allowed));
        var workflow = store.Workflow(store.Committed);
        Assert.Empty(workflow.Refused);
        Assert.Equal(5, store.Committed.Count);
        Assert.Equal(TicketStatus.InitialJobAcquisition, workflow.Facts.Status);
    }

    [Fact]
    public async Task A_failed_durable_write_releases_its_reservation_and_the_events_judged_after_it_are_judged_again()
    {
        var store = new HeldStore();
        var underReview = store.Workflow([Signed(), new IwpSubmitted(Day, "en"), new TpmReceiptRecorded(Day, "en")]);

        var review = store.RaiseAsync(Ticket, underReview.Facts, new ReviewDecisionRecorded(Day, "en", true), prepare: null, CancellationToken.None);
        var contacts = Enumerable.Range(0, 3).Select(i => store.RaiseAsync(Ticket, underReview.Facts, Contact(i), prepare: null, CancellationToken.None)).ToArray();
        await store.UntilAsync(() => store.Outstanding == 1);
        store.FailNewest(new TimeoutException("the durable store did not answer"));

        // The review never reached the workflow, so the contacts meet a ticket under review: refused, none written.
        await Assert.ThrowsAsync<TimeoutException>(() => review);
        Assert.All(await Task.WhenAll(contacts).WaitAsync(TimeSpan.FromSeconds(5)), c => Assert.False(c.Decision.Allowed));
        Assert.Empty(store.Committed);

        // And the released reservation leaves nothing behind: the review repeated is accepted, then a contact after it.
        var again = store.RaiseAsync(Ticket, underReview.Facts, new ReviewDecisionRecorded(Day, "en", true), prepare: null, CancellationToken.None);
        var contact = store.RaiseAsync(Ticket, underReview.Facts, Contact(9), prepare: null, CancellationToken.None);
        await store.ReleaseNewestFirstAsync([again, contact]);
        Assert.True((await again).Decision.Allowed);
        Assert.True((await contact).Decision.Allowed);
        Assert.Empty(store.Workflow([.. underReview.Taken, .. store.Committed]).Refused);
    }

    [Fact]
    public async Task A_failed_document_store_releases_the_reservation_before_anything_is_written()
    {
        var store = new HeldStore();
        var signed = store.Workflow([Signed()]);

        var submitted = store.RaiseAsync(Ticket, signed.Facts, new IwpSubmitted(Day, "en"),
            prepare: _ => throw new IOException("the blob service refused the document"), CancellationToken.None);
        var receipt = store.RaiseAsync(Ticket, signed.Facts, new TpmReceiptRecorded(Day, "en"), prepare: null, CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => submitted);
        Assert.False((await receipt).Decision.Allowed);
        Assert.Equal(0, store.Outstanding);
        Assert.Empty(store.Committed);
    }

    [Fact]
    public async Task Published_facts_read_before_an_event_was_applied_do_not_undo_it()
    {
        var store = new HeldStore();
        var signed = store.Workflow([Signed()]);
        var submit = store.RaiseAsync(Ticket, signed.Facts, new IwpSubmitted(Day, "en"), prepare: null, CancellationToken.None);
        await store.ReleaseNewestFirstAsync([submit]);

        // One request sees the submission applied; another read the facts just before and reaches the gate after it.
        var applied = store.Workflow([.. signed.Taken, .. store.Committed]);
        Assert.True((await store.RaiseAsync(Ticket, applied.Facts, new IwpSubmitted(Day, "en"), prepare: null, CancellationToken.None)).Decision.Allowed is false);
        var late = await store.RaiseAsync(Ticket, signed.Facts, new IwpSubmitted(Day, "en"), prepare: null, CancellationToken.None);

        Assert.False(late.Decision.Allowed);
        Assert.Single(store.Committed);
    }

    [Fact]
    public async Task The_host_forgets_a_ticket_once_its_events_are_written_and_applied()
    {
        var time = new VirtualTimeProvider(new DateTimeOffset(2026, 11, 2, 15, 0, 0, TimeSpan.Zero));
        var store = new HeldStore(time);
        var assigned = store.Workflow(Assignment());

        // Contacts change no facts: once written, nothing about them is kept, whatever the number of tickets.
        var contacts = Enumerable.Range(0, 50).Select(i => store.RaiseAsync($"ticket:P00001:C-{i}", assigned.Facts, Contact(i), prepare: null, CancellationToken.None)).ToArray();
        await store.UntilAsync(() => store.Outstanding == 50);
        store.ReleaseAll();
        await Task.WhenAll(contacts);
        Assert.Equal(0, store.Gate.TicketsRemembered);

        // A change is kept until the workflow publishes it, and what it published for as long as the memory lasts.
        var phase = store.RaiseAsync(Ticket, assigned.Facts, new PhaseChanged(Day, "en"), prepare: null, CancellationToken.None);
        await store.ReleaseNewestFirstAsync([phase]);
        Assert.Equal(1, store.Gate.TicketsRemembered);
        var published = store.Workflow([.. assigned.Taken, .. store.Committed]);
        Assert.True((await store.RaiseAsync(Ticket, published.Facts, Contact(99, Day.AddDays(-1)), prepare: null, CancellationToken.None)).Decision.Allowed is false);
        time.Advance(TimeSpan.FromMinutes(2));
        await store.RaiseAsync("ticket:P00001:other", assigned.Facts, new PhaseChanged(Day.AddDays(-30), "en"), prepare: null, CancellationToken.None);
        Assert.Equal(0, store.Gate.TicketsRemembered);
    }

    private static IwpSigned Signed() => new(Day, "en", "iwp-1", Day, Day, HasBlockingFinding: false);

    private static ContactAttemptRecorded Contact(int i, DateOnly? on = null) => new(on ?? Day, "en", $"note-{i}", ContactMethod.Phone, TwoWay: true);

    private static TicketEvent[] Assignment() =>
        [Signed(), new IwpSubmitted(Day, "en"), new TpmReceiptRecorded(Day, "en"), new ReviewDecisionRecorded(Day, "en", Compliant: true)];

    /// <summary>What the ticket's workflow makes of the messages in the order they were committed.</summary>
    private sealed record WorkflowRun(TicketFacts Facts, IReadOnlyList<TicketEvent> Refused, IReadOnlyList<TicketEventMessage> Taken);

    /// <summary>A durable store whose writes finish (in the order it commits them) or fail when the test says.</summary>
    private sealed class HeldStore
    {
        private readonly object _lock = new();
        private readonly List<(TicketEventMessage Message, TaskCompletionSource Done)> _held = [];
        private readonly List<TicketEventMessage> _committed = [];

        public HeldStore(TimeProvider? time = null)
        {
            var client = new Mock<DurableTaskClient>("held");
            client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), nameof(TicketEventMessage), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
                .Returns((string _, string _, object? payload, CancellationToken _) =>
                {
                    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    lock (_lock)
                    {
                        _held.Add(((TicketEventMessage)payload!, done));
                    }

                    return done.Task;
                });
            _client = client.Object;
            Gate = new TicketEventGate(Options.Create(new ApiOptions()), time ?? TimeProvider.System);
        }

        private readonly DurableTaskClient _client;

        public TicketEventGate Gate { get; }

        /// <summary>The gate's call as an endpoint makes it, with this store's durable client.</summary>
        public Task<(TransitionDecision Decision, TicketEvent Event)> RaiseAsync(
            string instanceId, TicketFacts published, TicketEvent ticketEvent, Func<TicketEvent, Task<TicketEvent>>? prepare, CancellationToken ct) =>
            Gate.RaiseAsync(_client, instanceId, published, ticketEvent, prepare, ct);

        public int Outstanding
        {
            get
            {
                lock (_lock)
                {
                    return _held.Count;
                }
            }
        }

        public IReadOnlyList<TicketEventMessage> Committed
        {
            get
            {
                lock (_lock)
                {
                    return [.. _committed];
                }
            }
        }

        /// <summary>The real ticket state folded through the real transition table, as the orchestrator applies events.</summary>
        public WorkflowRun Workflow(IEnumerable<TicketEventMessage> messages)
        {
            var settings = new TicketSettings("P00001", "T-1", "America/New_York", false, RetentionPolicy.ConfirmBeforeDisposal, ReminderSchedule.Default);
            var state = TicketState.Registered(settings, Day.AddDays(-10));
            var refused = new List<TicketEvent>();
            var taken = messages.ToList();
            foreach (var message in taken)
            {
                var decision = TicketTransitions.Check(state.Facts, message.Event);
                if (decision.Allowed)
                {
                    state = state.Apply(message.Event, decision.NextStatus!.Value);
                }
                else
                {
                    refused.Add(message.Event);
                }

                state = state with { LastEventId = message.Id, EventsTaken = state.EventsTaken + 1 };
            }

            return new WorkflowRun(state.Facts, refused, taken);
        }

        public WorkflowRun Workflow(IEnumerable<TicketEvent> events) => Workflow(events.Select(e => new TicketEventMessage(e)));

        public void ReleaseAll()
        {
            while (Take(newest: false) is { } write)
            {
                Commit(write);
            }
        }

        public void FailNewest(Exception error) => Take(newest: true)!.Value.Done.SetException(error);

        /// <summary>
        /// Lets the requests finish, committing the newest write first whenever several are under way, so writes a gate
        /// started side by side land in the opposite order.
        /// </summary>
        public async Task ReleaseNewestFirstAsync(IReadOnlyList<Task> requests)
        {
            var all = Task.WhenAll(requests);
            while (true)
            {
                await UntilAsync(() => Outstanding > 0 || all.IsCompleted);
                if (Take(newest: true) is not { } write)
                {
                    await all;
                    return;
                }

                Commit(write);
            }
        }

        public async Task UntilAsync(Func<bool> done)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!done())
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the gate did not get there");
                await Task.Delay(1);
            }
        }

        private (TicketEventMessage Message, TaskCompletionSource Done)? Take(bool newest)
        {
            lock (_lock)
            {
                if (_held.Count == 0)
                {
                    return null;
                }

                var write = _held[newest ? ^1 : 0];
                _held.Remove(write);
                return write;
            }
        }

        private void Commit((TicketEventMessage Message, TaskCompletionSource Done) write)
        {
            lock (_lock)
            {
                _committed.Add(write.Message);
            }

            write.Done.SetResult();
        }
    }
}

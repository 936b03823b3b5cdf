using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// Checks a ticket event against the state it will meet, not only the state the workflow last published, and raises
/// it. A client that sends a valid sequence for one ticket right after another (the README's walk-through: IWP,
/// submission, receipt, review) must not hear 409 because the workflow has not yet applied the earlier ones, and the
/// API must never answer 202 for an event the workflow will refuse. So this host keeps, per ticket, a ledger of the
/// events it accepted and has not yet seen applied, each with the facts it leaves behind:
/// <list type="bullet">
/// <item>An event is checked and reserved under the ledger's lock against the facts the last reserved event leaves (or
/// the published ones); the lock is never held across I/O.</item>
/// <item>Events are written in an order the workflow cannot disagree with: one that changes the facts is written after
/// every event reserved before it; one that leaves them as they are (a contact on an assigned ticket) waits only for
/// the last one that changes them, so contacts for one ticket are written side by side.</item>
/// <item>A reservation whose document or durable write fails is released; an event judged on the facts it would have
/// left is judged again, so the answer is what the workflow will decide.</item>
/// <item>The workflow publishes the id of the last event message it took (<see cref="TicketFacts.LastEventId"/>); that
/// event and everything written before it leave the ledger, and an empty ledger leaves the host. An event the workflow
/// never publishes is forgotten after <see cref="ApiOptions.AcceptedEventMemory"/>.</item>
/// </list>
/// The ticket orchestrator checks each event again when it applies it, so a projection can never change a ticket the
/// transition table would not.
/// </summary>
internal sealed class TicketEventGate(IOptions<ApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Ledger> _tickets = new(StringComparer.Ordinal);

    // Event ids are this host's tag and a sequence, so the published id tells which of this host's events it includes.
    private readonly string _tag = Guid.NewGuid().ToString("N")[..12] + ":";
    private long _sequence;
    private long _nextSweepTicks;

    /// <summary>The tickets with events this host accepted and has not yet seen applied (for tests and diagnostics).</summary>
    public int TicketsRemembered => _tickets.Count;

    /// <summary>
    /// Checks <paramref name="ticketEvent"/> against the facts it will meet; when allowed, lets
    /// <paramref name="prepare"/> finish it (store its document, attach its record) and raises it: the request's one
    /// durable write. Nothing is raised when the check refuses it or <paramref name="prepare"/> fails.
    /// </summary>
    /// <remarks>
    /// The client is the request's: on Azure Functions it is the invocation's binding, so the gate, which lives as
    /// long as the host, must not keep one.
    /// </remarks>
    public async Task<(TransitionDecision Decision, TicketEvent Event)> RaiseAsync(
        DurableTaskClient client, string instanceId, TicketFacts published, TicketEvent ticketEvent, Func<TicketEvent, Task<TicketEvent>>? prepare, CancellationToken ct)
    {
        SweepWhenDue();
        while (true)
        {
            var (ledger, reservation, decision) = Reserve(instanceId, published, ticketEvent);
            if (reservation is null)
            {
                return (decision, ticketEvent);
            }

            var written = false;
            try
            {
                if (!await reservation.TurnAsync(ct))
                {
                    // An event this one was judged after failed: judge it again against what the workflow will meet.
                    continue;
                }

                var ready = prepare is null ? ticketEvent : await prepare(ticketEvent);
                await client.RaiseEventAsync(instanceId, nameof(TicketEventMessage), new TicketEventMessage(ready, reservation.Id), ct);
                written = true;
                return (decision, ready);
            }
            finally
            {
                Settle(ledger, reservation, written);
            }
        }
    }

    private (Ledger Ledger, Reservation? Reservation, TransitionDecision Decision) Reserve(string instanceId, TicketFacts published, TicketEvent ticketEvent)
    {
        while (true)
        {
            var ledger = _tickets.GetOrAdd(instanceId, id => new Ledger(id));
            lock (ledger)
            {
                if (ledger.Retired)
                {
                    // Emptied and removed between the look-up and the lock: take the ticket's current ledger.
                    continue;
                }

                var current = Applied(ledger, published);

                // The events reserved before this one that change the facts: it is judged on the facts the last of them
                // leaves, so it stands only if all of them are written. The contact-attempt count is the workflow's own
                // (counted with the rulebook's cadence), not projected here, so the published count is the one checked.
                var basis = ledger.Entries.Where(e => e.Changes).ToArray();
                var facts = basis.Length > 0 ? basis[^1].After with { ContactAttempts = current.ContactAttempts } : current;
                var decision = TicketTransitions.Check(facts, ticketEvent);
                if (!decision.Allowed)
                {
                    RetireWhenEmpty(ledger);
                    return (ledger, null, decision);
                }

                var after = After(facts, ticketEvent, decision.NextStatus!.Value);
                var changes = !SameState(after, facts);

                // A change waits for everything reserved before it; an event that changes nothing only for the changes.
                var pending = basis.Where(e => !e.Written).Select(e => e.Settled).ToArray();
                var before = changes ? [.. ledger.Entries.Where(e => !e.Written).Select(e => e.Settled)] : pending;
                var sequence = Interlocked.Increment(ref _sequence);
                var reservation = new Reservation(_tag + sequence.ToString(CultureInfo.InvariantCulture), sequence, after, changes, before, pending);
                ledger.Entries.Add(reservation);
                return (ledger, reservation, decision);
            }
        }
    }

    private void Settle(Ledger ledger, Reservation reservation, bool written)
    {
        lock (ledger)
        {
            if (written)
            {
                reservation.Written = true;
                reservation.WrittenAt = time.GetUtcNow();
            }
            else
            {
                ledger.Entries.Remove(reservation);
            }

            Forget(ledger);
            RetireWhenEmpty(ledger);
        }

        // Outside the lock: the events waiting for this one continue on their own threads.
        reservation.Complete(written);
    }

    /// <summary>
    /// Under the ledger's lock: the facts the workflow has applied. Facts read before ones this ledger has seen (fewer
    /// events taken: the request read them before the workflow applied an event) give way to those; facts naming one of
    /// this host's events drop it and every event written before it from the ledger.
    /// </summary>
    private TicketFacts Applied(Ledger ledger, TicketFacts published)
    {
        Forget(ledger);
        if (ledger.AppliedFacts is { } seen && published.EventsTaken < seen.EventsTaken)
        {
            return seen;
        }

        // Everything written up to the one the workflow took goes: a change reserved before it was written before it
        // (an event waits for the changes reserved before it), so it is applied; one that changes nothing may still be
        // on its way, but no later event is judged on it. One still being written stays, as later changes wait for it.
        // Once a change leaves, the facts that include it are kept for a request that read the facts before.
        var changed = false;
        if (Sequence(published.LastEventId) is { } applied)
        {
            changed = ledger.Entries.Exists(e => e.Written && e.Changes && e.Sequence <= applied);
            ledger.Entries.RemoveAll(e => e.Written && e.Sequence <= applied);
        }

        if (changed || ledger.AppliedFacts is not null)
        {
            ledger.AppliedFacts = published;
            ledger.AppliedAt = time.GetUtcNow();
        }

        return published;
    }

    /// <summary>
    /// Under the ledger's lock: drops the written events older than the memory, and written events at the head that
    /// change nothing (no later event is judged on them, and none waits for them).
    /// </summary>
    private void Forget(Ledger ledger)
    {
        var entries = ledger.Entries;
        var forgetBefore = time.GetUtcNow() - options.Value.AcceptedEventMemory;
        var head = 0;
        while (head < entries.Count && entries[head].Written && (!entries[head].Changes || entries[head].WrittenAt < forgetBefore))
        {
            head++;
        }

        entries.RemoveRange(0, head);
        if (ledger.AppliedAt < forgetBefore)
        {
            ledger.AppliedFacts = null;
        }
    }

    private long? Sequence(string? eventId) =>
        eventId is not null && eventId.StartsWith(_tag, StringComparison.Ordinal)
        && long.TryParse(eventId.AsSpan(_tag.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            ? sequence
            : null;

    private void RetireWhenEmpty(Ledger ledger)
    {
        if (ledger.Entries.Count == 0 && ledger.AppliedFacts is null && !ledger.Retired)
        {
            ledger.Retired = true;
            _tickets.TryRemove(new KeyValuePair<string, Ledger>(ledger.InstanceId, ledger));
        }
    }

    /// <summary>
    /// Once per memory period, forgets the events of tickets no request has come for since: a ticket that goes quiet
    /// does not keep its ledger on the host.
    /// </summary>
    private void SweepWhenDue()
    {
        var now = time.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + options.Value.AcceptedEventMemory.Ticks, due) != due)
        {
            return;
        }

        foreach (var ledger in _tickets.Values)
        {
            lock (ledger)
            {
                Forget(ledger);
                RetireWhenEmpty(ledger);
            }
        }
    }

    /// <summary>
    /// The facts an allowed event leaves, as the ticket's state folds them (TicketState.Apply): a new status starts on
    /// the event's date, and signatures carry whether the IWP has a blocking finding.
    /// </summary>
    private static TicketFacts After(TicketFacts facts, TicketEvent ticketEvent, TicketStatus next)
    {
        var after = next == facts.Status ? facts : facts with { Status = next, StatusSince = ticketEvent.On };
        return ticketEvent is IwpSigned signed ? after with { IwpHasBlockingFinding = signed.HasBlockingFinding } : after;
    }

    private static bool SameState(TicketFacts a, TicketFacts b) =>
        a with { ContactAttempts = null, LastEventId = null } == b with { ContactAttempts = null, LastEventId = null };

    /// <summary>
    /// An event accepted for a ticket: the facts it leaves, whether they differ from the ones it was judged on, the
    /// events it must be written after and the ones it was judged after.
    /// </summary>
    private sealed class Reservation(string id, long sequence, TicketFacts after, bool changes, Task<bool>[] before, Task<bool>[] basis)
    {
        private readonly TaskCompletionSource<bool> _settled = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Id { get; } = id;

        public long Sequence { get; } = sequence;

        public TicketFacts After { get; } = after;

        public bool Changes { get; } = changes;

        public bool Written { get; set; }

        public DateTimeOffset WrittenAt { get; set; }

        /// <summary>True once written, false once released.</summary>
        public Task<bool> Settled => _settled.Task;

        public void Complete(bool written) => _settled.TrySetResult(written);

        /// <summary>Waits until this event may be written; false when one it was judged after was released.</summary>
        public async Task<bool> TurnAsync(CancellationToken ct)
        {
            if (before.Length > 0)
            {
                await Task.WhenAll(before).WaitAsync(ct);
            }

            return basis.All(b => b.Result);
        }
    }

    private sealed class Ledger(string instanceId)
    {
        public string InstanceId { get; } = instanceId;

        /// <summary>The events in the order they were reserved; read and changed under the ledger's lock only.</summary>
        public List<Reservation> Entries { get; } = [];

        /// <summary>The newest published facts seen since one of this host's changes left the ledger, within the memory.</summary>
        public TicketFacts? AppliedFacts { get; set; }

        public DateTimeOffset AppliedAt { get; set; }

        /// <summary>Removed from the host's tickets; a request that still holds it takes the new one.</summary>
        public bool Retired { get; set; }
    }
}

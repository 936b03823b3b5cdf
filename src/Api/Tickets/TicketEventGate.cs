using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// Checks a ticket event against the state it will meet, not only the state the workflow last published, and raises
/// it. A client that sends a valid sequence for one ticket right after another (the README's walk-through: IWP,
/// submission, receipt, review) must not hear 409 because the workflow has not yet applied the earlier ones: this host
/// remembers the events it accepted for the ticket, with the facts each leaves behind, until the workflow publishes
/// them (or <see cref="ApiOptions.AcceptedEventMemory"/> passes), and checks the next event against the last of them.
/// Events for one ticket are checked and raised one at a time, so two of them never project from the same facts.
/// The ticket orchestrator checks each event again when it applies it, so a projection can never change a ticket the
/// transition table would not.
/// </summary>
internal sealed class TicketEventGate(IOptions<ApiOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Ledger> _tickets = new(StringComparer.Ordinal);

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
        var ledger = _tickets.GetOrAdd(instanceId, _ => new Ledger());
        await ledger.Lock.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            ledger.Accepted.RemoveAll(e => now - e.At > options.Value.AcceptedEventMemory);

            // What the workflow has published is applied: everything up to the last event that leaves those facts. The
            // contact-attempt count is the workflow's own (counted with the rulebook's cadence), not projected here, so
            // it takes no part in the match and the published count is the one checked.
            var applied = ledger.Accepted.FindLastIndex(e => SameState(e.After, published));
            if (applied >= 0)
            {
                ledger.Accepted.RemoveRange(0, applied + 1);
            }

            var facts = ledger.Accepted.Count > 0 ? ledger.Accepted[^1].After with { ContactAttempts = published.ContactAttempts } : published;
            var decision = TicketTransitions.Check(facts, ticketEvent);
            if (!decision.Allowed)
            {
                return (decision, ticketEvent);
            }

            var ready = prepare is null ? ticketEvent : await prepare(ticketEvent);
            await client.RaiseEventAsync(instanceId, nameof(TicketEventMessage), new TicketEventMessage(ready), ct);
            ledger.Accepted.Add(new Accepted(After(facts, ready, decision.NextStatus!.Value), now));
            return (decision, ready);
        }
        finally
        {
            ledger.Lock.Release();
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

    private static bool SameState(TicketFacts a, TicketFacts b) => a with { ContactAttempts = null } == b with { ContactAttempts = null };

    private sealed record Accepted(TicketFacts After, DateTimeOffset At);

    private sealed class Ledger
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        public List<Accepted> Accepted { get; } = [];
    }
}

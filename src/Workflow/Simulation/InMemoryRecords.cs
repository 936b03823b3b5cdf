using System.Collections.Concurrent;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Workflow.Simulation;

/// <summary>
/// Every record repository in memory: the sandbox of <c>ticketflow simulate</c> and of the workflow scenario tests
/// (production uses the Table Storage implementations in TicketFlow.Infrastructure). Keys mirror the stores' identities.
/// Each collection is public so a simulation can show, and a test can inspect, exactly what was written.
/// </summary>
#pragma warning disable CS1591 // The members implement documented interfaces; the collections are named after them.
public sealed class InMemoryRecords :
    IEmploymentNetworkRepository, ITicketholderRepository, ITicketRepository, ICaseNoteRepository, IIwpRepository,
    IDeadlineRepository, IAuditTrail, IDisputeRepository, IServicesAndSupportsReviewRepository, IEarningsRepository
{
    public ConcurrentDictionary<string, EmploymentNetwork> EmploymentNetworks { get; } = new();
    public ConcurrentDictionary<(string, string), StaffMember> Staff { get; } = new();
    public ConcurrentDictionary<(string, string), Ticketholder> Ticketholders { get; } = new();
    public ConcurrentDictionary<(string, string), Ticket> Tickets { get; } = new();
    public ConcurrentDictionary<(string, string, string), CaseNote> CaseNotes { get; } = new();
    public ConcurrentDictionary<(string, string, string), IwpRecord> Iwps { get; } = new();
    public ConcurrentDictionary<(string, string, string, DateOnly), DeadlineRecord> Deadlines { get; } = new();
    public ConcurrentDictionary<(string, string), AuditEntry> Audit { get; } = new();
    public ConcurrentDictionary<(string, string), Dispute> Disputes { get; } = new();
    public ConcurrentDictionary<(string, string), ServicesAndSupportsReview> Reviews { get; } = new();
    public ConcurrentDictionary<(string, string, DateOnly), MonthlyEarnings> Earnings { get; } = new();

    /// <summary>Stamps <see cref="DeadlineHistory"/>; the simulation sets it to its virtual clock.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Every deadline write in order, with the time it was made: the deadline part of a timeline.</summary>
    public ConcurrentQueue<(DateTimeOffset At, DeadlineRecord Record)> DeadlineHistory { get; } = new();

    Task<EmploymentNetwork?> IEmploymentNetworkRepository.FindAsync(string enPid, CancellationToken cancellationToken) =>
        Task.FromResult(EmploymentNetworks.GetValueOrDefault(enPid));

    public Task AddAsync(EmploymentNetwork employmentNetwork, CancellationToken cancellationToken) =>
        EmploymentNetworks.TryAdd(employmentNetwork.Pid, employmentNetwork) ? Task.CompletedTask : throw new RecordAlreadyExistsException(employmentNetwork.Pid);

    public Task UpsertStaffAsync(StaffMember staffMember, CancellationToken cancellationToken)
    {
        Staff[(staffMember.EnPid, staffMember.StaffId)] = staffMember;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StaffMember>> ListStaffAsync(string enPid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StaffMember>>([.. Staff.Values.Where(s => s.EnPid == enPid).OrderBy(s => s.StaffId, StringComparer.Ordinal)]);

    Task<Ticketholder?> ITicketholderRepository.FindAsync(string enPid, string ticketholderId, CancellationToken cancellationToken) =>
        Task.FromResult(Ticketholders.GetValueOrDefault((enPid, ticketholderId)));

    public Task UpsertAsync(Ticketholder ticketholder, CancellationToken cancellationToken)
    {
        Ticketholders[(ticketholder.EnPid, ticketholder.TicketholderId)] = ticketholder;
        return Task.CompletedTask;
    }

    Task ITicketholderRepository.DeleteAsync(string enPid, string ticketholderId, CancellationToken cancellationToken)
    {
        Ticketholders.TryRemove((enPid, ticketholderId), out _);
        return Task.CompletedTask;
    }

    Task<Ticket?> ITicketRepository.FindAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult(Tickets.GetValueOrDefault((enPid, ticketNumber)));

    public Task AddAsync(Ticket ticket, CancellationToken cancellationToken) =>
        Tickets.TryAdd((ticket.EnPid, ticket.TicketNumber), ticket) ? Task.CompletedTask : throw new RecordAlreadyExistsException(ticket.TicketNumber);

    public Task UpsertAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        Tickets[(ticket.EnPid, ticket.TicketNumber)] = ticket;
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<Ticket>> ITicketRepository.ListAsync(string enPid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Ticket>>([.. Tickets.Values.Where(t => t.EnPid == enPid).OrderBy(t => t.TicketNumber, StringComparer.Ordinal)]);

    public Task UpsertAsync(CaseNote note, CancellationToken cancellationToken)
    {
        CaseNotes[(note.EnPid, note.TicketNumber, note.NoteId)] = note;
        return Task.CompletedTask;
    }

    Task<CaseNote?> ICaseNoteRepository.FindAsync(string enPid, string ticketNumber, string noteId, CancellationToken cancellationToken) =>
        Task.FromResult(CaseNotes.GetValueOrDefault((enPid, ticketNumber, noteId)));

    public Task<IReadOnlyList<CaseNote>> ListAsync(string enPid, string ticketNumber, DateOnly? from, DateOnly? to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaseNote>>([.. CaseNotes.Values
            .Where(n => n.EnPid == enPid && n.TicketNumber == ticketNumber && (from is null || n.On >= from) && (to is null || n.On <= to))
            .OrderBy(n => n.On).ThenBy(n => n.NoteId, StringComparer.Ordinal)]);

    Task<int> ICaseNoteRepository.DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult(RemoveWhere(CaseNotes, k => k.Item1 == enPid && k.Item2 == ticketNumber));

    public Task UpsertAsync(IwpRecord record, CancellationToken cancellationToken)
    {
        Iwps[(record.EnPid, record.TicketNumber, record.IwpId)] = record;
        return Task.CompletedTask;
    }

    public Task<IwpRecord?> FindAsync(string enPid, string ticketNumber, string iwpId, CancellationToken cancellationToken) =>
        Task.FromResult(Iwps.GetValueOrDefault((enPid, ticketNumber, iwpId)));

    public Task<IReadOnlyList<IwpRecord>> ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IwpRecord>>([.. Iwps.Values.Where(r => r.EnPid == enPid && r.TicketNumber == ticketNumber).OrderBy(r => r.RecordedAt)]);

    Task<int> IIwpRepository.DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult(RemoveWhere(Iwps, k => k.Item1 == enPid && k.Item2 == ticketNumber));

    public Task UpsertAsync(IReadOnlyList<DeadlineRecord> deadlines, CancellationToken cancellationToken)
    {
        foreach (var deadline in deadlines)
        {
            var key = (deadline.EnPid, deadline.SubjectId, deadline.RuleId, deadline.ClockStartedOn);
            if (!Deadlines.TryGetValue(key, out var existing) || existing != deadline)
            {
                DeadlineHistory.Enqueue((Clock.GetUtcNow(), deadline));
            }

            Deadlines[key] = deadline;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadlineRecord>> QueryAsync(DeadlineQuery query, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeadlineRecord>>([.. Deadlines.Values
            .Where(d => d.EnPid == query.EnPid && d.DueOn >= query.DueFrom && d.DueOn <= query.DueTo
                && (query.RuleId is null || d.RuleId == query.RuleId) && (query.StaffId is null || d.StaffId == query.StaffId)
                && (query.State is null || d.State == query.State))
            .OrderBy(d => d.DueOn)]);

    public Task<IReadOnlyList<DeadlineRecord>> ListForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DeadlineRecord>>([.. Deadlines.Values.Where(d => d.EnPid == enPid && d.SubjectId == subjectId).OrderBy(d => d.DueOn)]);

    public Task<int> DeleteForSubjectAsync(string enPid, string subjectId, CancellationToken cancellationToken) =>
        Task.FromResult(RemoveWhere(Deadlines, k => k.Item1 == enPid && k.Item2 == subjectId));

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Audit.TryAdd((entry.EnPid, entry.EntryId), entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string enPid, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. Audit.Values.Where(a => a.EnPid == enPid && a.At >= from && a.At < to).OrderBy(a => a.At)]);

    Task<Dispute?> IDisputeRepository.FindAsync(string enPid, string disputeId, CancellationToken cancellationToken) =>
        Task.FromResult(Disputes.GetValueOrDefault((enPid, disputeId)));

    public Task AddAsync(Dispute dispute, CancellationToken cancellationToken) =>
        Disputes.TryAdd((dispute.EnPid, dispute.DisputeId), dispute) ? Task.CompletedTask : throw new RecordAlreadyExistsException(dispute.DisputeId);

    public Task UpsertAsync(Dispute dispute, CancellationToken cancellationToken)
    {
        Disputes[(dispute.EnPid, dispute.DisputeId)] = dispute;
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<Dispute>> IDisputeRepository.ListAsync(string enPid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Dispute>>([.. Disputes.Values.Where(d => d.EnPid == enPid)]);

    Task<ServicesAndSupportsReview?> IServicesAndSupportsReviewRepository.FindAsync(string enPid, string reviewId, CancellationToken cancellationToken) =>
        Task.FromResult(Reviews.GetValueOrDefault((enPid, reviewId)));

    public Task AddAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken) =>
        Reviews.TryAdd((review.EnPid, review.ReviewId), review) ? Task.CompletedTask : throw new RecordAlreadyExistsException(review.ReviewId);

    public Task UpsertAsync(ServicesAndSupportsReview review, CancellationToken cancellationToken)
    {
        Reviews[(review.EnPid, review.ReviewId)] = review;
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<ServicesAndSupportsReview>> IServicesAndSupportsReviewRepository.ListAsync(string enPid, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ServicesAndSupportsReview>>([.. Reviews.Values.Where(r => r.EnPid == enPid)]);

    public Task UpsertAsync(MonthlyEarnings earnings, CancellationToken cancellationToken)
    {
        Earnings[(earnings.EnPid, earnings.TicketNumber, earnings.Month)] = earnings;
        return Task.CompletedTask;
    }

    Task<IReadOnlyList<MonthlyEarnings>> IEarningsRepository.ListAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MonthlyEarnings>>([.. Earnings.Values.Where(e => e.EnPid == enPid && e.TicketNumber == ticketNumber).OrderBy(e => e.Month)]);

    Task<int> IEarningsRepository.DeleteAllAsync(string enPid, string ticketNumber, CancellationToken cancellationToken) =>
        Task.FromResult(RemoveWhere(Earnings, k => k.Item1 == enPid && k.Item2 == ticketNumber));

    private static int RemoveWhere<TKey, TValue>(ConcurrentDictionary<TKey, TValue> map, Func<TKey, bool> predicate)
        where TKey : notnull =>
        map.Keys.Where(predicate).ToList().Count(k => map.TryRemove(k, out _));
}
#pragma warning restore CS1591

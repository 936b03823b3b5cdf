using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TicketFlow.Api.Idempotency;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Api.Tickets;

/// <summary>
/// Tickets: register, read, record events and contacts, list case notes and the timeline (IWPs: see IwpEndpoints).
/// Every change is checked against the ticket's transition table before anything is written (409 with the reason),
/// and a ticket of another EN answers 404 exactly like a missing one.
/// </summary>
internal static class TicketEndpoints
{
    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder api)
    {
        // A ticket number that could never have been registered (see ApiValidation.Id) is simply not found: 404, and
        // never a storage key the service would refuse.
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");
        tickets.MapPost("/", RegisterAsync).WithSummary("Register a ticketholder and ticket; starts the ticket's workflow (202, Location: its status, with Durable Functions' management URIs).");
        tickets.MapGet("/{ticketNumber:" + ApiRoutes.Id + "}", GetAsync).WithSummary("A ticket with its open deadlines.");
        tickets.MapPost("/{ticketNumber:" + ApiRoutes.Id + "}/events", RecordEventAsync).WithSummary("Record a ticket event (submission, TPM receipt, review decision, portal assignment, phase change, work start, no-contact request, check-in email, unassignment, disposal confirmation).");
        tickets.MapPost("/{ticketNumber:" + ApiRoutes.Id + "}/contacts", RecordContactAsync).WithSummary("Record a contact attempt or a two-way contact: 202 with the case note, which the ticket's workflow writes within moments (Location).");
        tickets.MapPost("/{ticketNumber:" + ApiRoutes.Id + "}/service-notes", RecordServiceNoteAsync).WithSummary("Record a service note (supports provided, not a contact): 201 with the case note; it starts or stops no clock.");
        tickets.MapPost("/{ticketNumber:" + ApiRoutes.Id + "}/no-contact-requests", RecordNoContactRequestAsync).WithSummary("Record the ticketholder's request not to be contacted: 202 with its case note; the unassignment clock runs from it.");
        tickets.MapGet("/{ticketNumber:" + ApiRoutes.Id + "}/case-notes/{noteId:" + ApiRoutes.Id + "}", CaseNoteAsync).WithSummary("One case note.");
        tickets.MapGet("/{ticketNumber:" + ApiRoutes.Id + "}/case-notes", CaseNotesAsync).WithSummary("The ticket's case notes, optionally in a date window.");
        tickets.MapGet("/{ticketNumber:" + ApiRoutes.Id + "}/timeline", TimelineAsync).WithSummary("What happened to the ticket and its deadlines, in order.");
        return api;
    }

    private static async Task<IResult> RegisterAsync(
        RegisterTicketRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        ITicketholderRepository ticketholders, DurableTaskClient client, IOptions<ReminderOptions> reminders, IAuditTrail audit, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var check = new ApiValidation().Id("ticketNumber", request.TicketNumber);
        if (request.Ticketholder is null)
        {
            check.Add("ticketholder", "Is required.");
        }
        else
        {
            check.Id("ticketholder.id", request.Ticketholder.Id).Text("ticketholder.name", request.Ticketholder.Name, 200)
                .Text("ticketholder.email", request.Ticketholder.Email, 254, required: false)
                .Text("ticketholder.phone", request.Ticketholder.Phone, 40, required: false)
                .Text("ticketholder.alternateContact", request.Ticketholder.AlternateContact, 500, required: false);
            if (request.Ticketholder.Email is { Length: > 0 } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
            {
                check.Add("ticketholder.email", "Is not an email address.");
            }
        }

        if (request.StaffId is not null)
        {
            check.Id("staffId", request.StaffId);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var en = await networks.FindAsync(caller.EnPid, ct);
        if (en is null)
        {
            return TypedResults.Problem($"EN {caller.EnPid} is not registered.", statusCode: 409, title: "EN not registered");
        }

        // Checked before anything is written, so a duplicate changes nothing. A registration that stopped half-way (the
        // record written, the workflow not started) is not a duplicate: repeating the request completes it.
        var instanceId = TicketInstanceId.For(caller.EnPid, request.TicketNumber);
        var existing = await tickets.FindAsync(caller.EnPid, request.TicketNumber, ct);
        if (existing is not null && await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is not null)
        {
            return TypedResults.Problem($"Ticket {request.TicketNumber} is already registered.", statusCode: 409, title: "Already exists");
        }

        var zone = new EnTimeZone(en.TimeZone);
        var today = existing?.RegisteredOn ?? zone.Today(time);
        var th = request.Ticketholder!;
        if (existing is null)
        {
            await tickets.AddAsync(new Ticket(caller.EnPid, request.TicketNumber, th.Id, TicketStatus.Registered, request.StaffId, today, null, null, null), ct);
        }

        await ticketholders.UpsertAsync(new Ticketholder(caller.EnPid, existing?.TicketholderId ?? th.Id, th.Name, th.Email, th.Phone, th.AlternateContact), ct);
        var settings = new TicketSettings(caller.EnPid, request.TicketNumber, en.TimeZone, en.AssignsInTicketPortal, en.RetentionPolicy,
            reminders.Value.ToSchedule(), existing?.StaffId ?? request.StaffId);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(TicketOrchestrator), TicketState.Registered(settings, today),
            new StartOrchestrationOptions { InstanceId = instanceId }, ct);
        await audit.RecordAsync(caller.EnPid, caller.Name, "register ticket", $"ticket {request.TicketNumber}", time, ct);
        return Management.ManagementEndpoints.Started(links, instanceId, $"tickets/{request.TicketNumber}", $"tickets/{request.TicketNumber}/events",
            new { request.TicketNumber, Status = TicketStatus.Registered, RegisteredOn = today });
    }

    private static async Task<IResult> GetAsync(string ticketNumber, HttpContext http, ITicketRepository tickets, IDeadlineRepository deadlines, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (await tickets.FindAsync(caller.EnPid, ticketNumber, ct) is not { } ticket)
        {
            return NotFound(ticketNumber);
        }

        var open = (await deadlines.ListForSubjectAsync(caller.EnPid, ticketNumber, ct)).Where(d => d.State is DeadlineState.Open or DeadlineState.Overdue);
        return TypedResults.Ok(new { ticket, deadlines = open, instanceId = TicketInstanceId.For(caller.EnPid, ticketNumber) });
    }

    private static async Task<IResult> RecordEventAsync(
        string ticketNumber, TicketEvent ticketEvent, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, TicketEventGate gate, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en, Facts: var facts })
        {
            return stopped!;
        }

        // Signatures come with their IWP, contacts with their case note, and the end of retention from the ticket's own clock.
        if (ticketEvent is IwpSigned or IwpAmended or ContactAttemptRecorded or NoContactRequested or RetentionPeriodEnded)
        {
            var where = ticketEvent switch
            {
                IwpSigned => "iwps",
                IwpAmended => "iwps/{iwpId}/amendments",
                ContactAttemptRecorded => "contacts",
                NoContactRequested => "no-contact-requests",
                _ => "none: the workflow raises it",
            };
            return new ApiValidation().Add("type", $"{ticketEvent.GetType().Name} is recorded through its own endpoint ({where}).").Problem();
        }

        var check = new ApiValidation().NotInFuture("on", ticketEvent.On, new EnTimeZone(en.TimeZone).Today(time));
        if (ticketEvent is CheckInEmailRequested checkIn)
        {
            check.Id("staffId", checkIn.StaffId);
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        var stamped = ticketEvent with { Actor = caller.Name };
        var (decision, _) = await gate.RaiseAsync(client, TicketInstanceId.For(caller.EnPid, ticketNumber), facts, stamped, prepare: null, ct);
        return decision.Allowed
            ? TypedResults.Accepted(links.To($"tickets/{ticketNumber}"), new { Accepted = stamped.GetType().Name, NextStatus = decision.NextStatus })
            : Conflict(decision.Reason!);
    }

    private static Task<IResult> RecordContactAsync(
        string ticketNumber, ContactRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, TicketEventGate gate, ICaseNoteRepository notes, IDocumentStore documents, ApiLinks links, TimeProvider time, CancellationToken ct) =>
        RecordWithCaseNoteAsync(ticketNumber, request.On, request.StaffId, request.Notes,
            request.TwoWay ? CaseNoteKind.TwoWayContact : CaseNoteKind.ContactAttempt, request.Method,
            (actor, note) => new ContactAttemptRecorded(request.On, actor, note.NoteId, request.Method, request.TwoWay, note),
            http, networks, tickets, client, gate, notes, links, time, ct, CaseNoteEvidence.Of(request), documents);

    private static Task<IResult> RecordNoContactRequestAsync(
        string ticketNumber, NoContactRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, TicketEventGate gate, ICaseNoteRepository notes, ApiLinks links, TimeProvider time, CancellationToken ct) =>
        RecordWithCaseNoteAsync(ticketNumber, request.On, request.StaffId, request.Notes, CaseNoteKind.NoContactRequest, method: null,
            (actor, note) => new NoContactRequested(request.On, actor, note),
            http, networks, tickets, client, gate, notes, links, time, ct);

    /// <summary>
    /// A service note changes no deadline, so it is not a ticket event: it is written here, and the answer (201) comes
    /// once it is stored. The ticket's workflow must still be running (its records not disposed of).
    /// </summary>
    private static async Task<IResult> RecordServiceNoteAsync(
        string ticketNumber, ServiceNoteRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, ICaseNoteRepository notes, IDocumentStore documents, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en })
        {
            return stopped!;
        }

        var evidence = new CaseNoteEvidence(null, null, request.DurationMinutes, null, request.ServicesProvided, request.Attachments);
        var check = new ApiValidation().Id("staffId", request.StaffId).Text("notes", request.Notes, 4000)
            .NotInFuture("on", request.On, new EnTimeZone(en.TimeZone).Today(time));
        var files = evidence.Validate(check);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        // A keyed retry writes the same note again (same id from the key), never a second one.
        var note = new CaseNote(caller.EnPid, ticketNumber, IdempotentIds.For(http, "note", 21), request.On, CaseNoteKind.ServiceNote, null, request.StaffId, request.Notes);
        note = await evidence.ApplyAsync(note, files, documents, ct);
        await notes.UpsertAsync(note, ct);
        return TypedResults.Created(links.To($"tickets/{ticketNumber}/case-notes/{note.NoteId}"), note);
    }

    /// <summary>
    /// An event whose evidence is a case note (a contact, a no-contact request). The most frequent write of all, so it
    /// reads no record store: the EN comes from a cache, the ticket's status from its workflow's last published
    /// progress (the durable store, on this host).
    /// </summary>
    private static async Task<IResult> RecordWithCaseNoteAsync(
        string ticketNumber, DateOnly on, string staffId, string text, CaseNoteKind kind, ContactMethod? method,
        Func<string, CaseNote, TicketEvent> eventFor, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, TicketEventGate gate, ICaseNoteRepository notes, ApiLinks links, TimeProvider time, CancellationToken ct,
        CaseNoteEvidence? evidence = null, IDocumentStore? documents = null)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en, Facts: var facts })
        {
            return stopped!;
        }

        var check = new ApiValidation().Id("staffId", staffId).Text("notes", text, 4000)
            .NotInFuture("on", on, new EnTimeZone(en.TimeZone).Today(time));
        var files = evidence?.Validate(check) ?? [];
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var note = new CaseNote(caller.EnPid, ticketNumber, IdempotentIds.For(http, "note", 21), on, kind, method, staffId, text);

        // A keyed retry whose first attempt was accepted but never answered (its host died) finds the note the
        // workflow wrote from that attempt's event, and answers as the first attempt would have, raising nothing.
        if (IdempotentIds.IsKeyed(http) && await notes.FindAsync(caller.EnPid, ticketNumber, note.NoteId, ct) is { } earlier)
        {
            return TypedResults.Accepted(links.To($"tickets/{ticketNumber}/case-notes/{earlier.NoteId}"), earlier);
        }

        // The evidence's documents are stored once the gate allows the event, and before the event that names them
        // is raised: nothing refers to a document that is not there, and a refused request stores none.
        var prepare = evidence is null
            ? null
            : new Func<TicketEvent, Task<TicketEvent>>(async _ =>
            {
                note = await evidence.ApplyAsync(note, files, documents!, ct);
                return eventFor(caller.Name, note);
            });

        // The request's one write: the event, with the note inside it, committed to the durable store. The workflow
        // then writes the case note, the ticket change (with the caller, for the audit trail) and the deadlines, each
        // exactly once, so a failed request has written nothing and an accepted one cannot be half-recorded.
        var (decision, _) = await gate.RaiseAsync(client, TicketInstanceId.For(caller.EnPid, ticketNumber), facts, eventFor(caller.Name, note), prepare, ct);
        return decision.Allowed
            ? TypedResults.Accepted(links.To($"tickets/{ticketNumber}/case-notes/{note.NoteId}"), note)
            : Conflict(decision.Reason!);
    }

    private static async Task<IResult> CaseNoteAsync(string ticketNumber, string noteId, HttpContext http, ICaseNoteRepository notes, CancellationToken ct)
    {
        // The note's key is in the caller's own EN partition, so another EN's note is as missing as an absent one.
        var caller = Caller.From(http.User);
        return await notes.FindAsync(caller.EnPid, ticketNumber, noteId, ct) is { } note
            ? TypedResults.Ok(note)
            : TypedResults.Problem($"There is no case note {noteId} on ticket {ticketNumber} (a contact just accepted is written within moments).", statusCode: 404, title: "Not found");
    }

    private static async Task<IResult> CaseNotesAsync(string ticketNumber, DateOnly? from, DateOnly? to, HttpContext http, ITicketRepository tickets, ICaseNoteRepository notes, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var check = new ApiValidation().Date("from", from).Date("to", to);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await tickets.FindAsync(caller.EnPid, ticketNumber, ct) is null)
        {
            return NotFound(ticketNumber);
        }

        return TypedResults.Ok(await notes.ListAsync(caller.EnPid, ticketNumber, from, to, ct));
    }

    private static async Task<IResult> TimelineAsync(string ticketNumber, HttpContext http, ITicketRepository tickets, IAuditTrail audit, IDeadlineRepository deadlines, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (await tickets.FindAsync(caller.EnPid, ticketNumber, ct) is not { } ticket)
        {
            return NotFound(ticketNumber);
        }

        var since = ticket.RegisteredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1);
        var entries = (await audit.ListAsync(caller.EnPid, since, DateTimeOffset.MaxValue, ct)).Where(a => a.Subject == $"ticket {ticketNumber}");
        return TypedResults.Ok(new { events = entries, deadlines = await deadlines.ListForSubjectAsync(caller.EnPid, ticketNumber, ct) });
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string ticketNumber) => TicketWorkflow.NotFound(ticketNumber);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(reason, statusCode: 409, title: "Not allowed in the ticket's current state");
}

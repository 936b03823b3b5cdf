using TicketFlow.Durable.Client;
using TicketFlow.Functions.Api.Tickets;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Functions.Api.Iwps;

/// <summary>
/// A ticket's IWPs and their amendments: record a signed plan (JSON, or multipart with the signed document), list and
/// read them, download a signed document. Another EN's ticket answers 404 exactly like a missing one.
/// </summary>
internal static class IwpEndpoints
{
    private const string Ticket = "{ticketNumber:regex(^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$)}";
    private const string Iwp = "{iwpId:regex(^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$)}";

    public static RouteGroupBuilder MapIwpEndpoints(this RouteGroupBuilder api)
    {
        var iwps = api.MapGroup($"/tickets/{Ticket}/iwps").WithTags("IWPs");
        iwps.MapPost("/", SubmitAsync).DisableAntiforgery()
            .WithSummary("Record a signed IWP (JSON, or multipart with the signed document): 202 with its findings and the deadlines it starts; the ticket's workflow writes the record (Location).");
        iwps.MapGet("/", ListAsync).WithSummary("The ticket's IWPs and amendments, in the order they were recorded.");
        iwps.MapGet($"/{Iwp}", GetAsync).WithSummary("One IWP or amendment record with its findings.");
        iwps.MapGet($"/{Iwp}/document", DocumentAsync).WithSummary("The signed document of an IWP or amendment.");
        iwps.MapPost($"/{Iwp}/amendments", AmendAsync).DisableAntiforgery()
            .WithSummary("Record an amendment to the IWP, signed and dated by both parties (JSON, or multipart with the signed document): 202; the ticket's workflow writes the record (Location).");
        return api;
    }

    private static async Task<IResult> SubmitAsync(
        string ticketNumber, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        IDocumentStore documents, DurableTaskClient client, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en, Facts: var facts })
        {
            return stopped!;
        }

        var (upload, unreadable) = await IwpUpload.ReadAsync(http.Request, ct);
        if (upload is null)
        {
            return unreadable!;
        }

        var today = new EnTimeZone(en.TimeZone).Today(time);
        var plan = IwpJson.Deserialize(upload.Json);
        var result = IwpComplianceChecker.Default.Check(plan, today);
        var signatures = Signatures(plan, result, "An IWP", today, earliest: null);
        if (signatures.Problem is { } problem)
        {
            return problem;
        }

        var (enSigned, thSigned, signedOn) = signatures.Dates!.Value;
        var signed = new IwpSigned(signedOn, caller.Name, NewId("iwp"), enSigned, thSigned, result.HasBlockingFindings);
        var decision = TicketTransitions.Check(facts, signed);
        if (!decision.Allowed)
        {
            return Conflict(decision.Reason!);
        }

        // The signed document is stored first under the new record's id (if a later step fails it is an unreferenced
        // blob, never a record); then the request's one durable write: the event, carrying the record, which the
        // ticket's workflow writes with the audited change and the deadlines it starts.
        var stored = await SaveDocumentAsync(documents, caller, ticketNumber, DocumentKind.SignedIwp, signed.IwpId, upload.Document, ct);
        signed = signed with { Record = new IwpRecord(caller.EnPid, ticketNumber, signed.IwpId, null, enSigned, thSigned, result.Findings, stored, time.GetUtcNow()) };
        await client.RaiseEventAsync(TicketInstanceId.For(caller.EnPid, ticketNumber), nameof(TicketEventMessage), new TicketEventMessage(signed), ct);
        return TypedResults.Accepted($"{http.Request.PathBase}/api/v1/tickets/{ticketNumber}/iwps/{signed.IwpId}", new
        {
            signed.IwpId,
            SignedOn = signedOn,
            Blocking = signed.HasBlockingFinding,
            result.Findings,
            Deadlines = result.SubmissionDeadline is { } due
                ? new[] { new { RuleId = due.Rule.Id, DueOn = due.Date, due.Explanation } }
                : [],
        });
    }

    private static async Task<IResult> AmendAsync(
        string ticketNumber, string iwpId, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets, IIwpRepository iwps,
        IDocumentStore documents, DurableTaskClient client, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en, Facts: var facts })
        {
            return stopped!;
        }

        // An amendment is attached to the original plan, never to another amendment.
        if (await iwps.FindAsync(caller.EnPid, ticketNumber, iwpId, ct) is not { AmendsIwpId: null } original)
        {
            return NotFound($"Ticket {ticketNumber} has no IWP {iwpId}.");
        }

        var (upload, unreadable) = await IwpUpload.ReadAsync(http.Request, ct);
        if (upload is null)
        {
            return unreadable!;
        }

        // "This must be documented, dated, and signed by both parties and added as an attachment to the original IWP"
        // (EN Guide for Working with Ticketholders, amendments); the plan as amended is checked like any IWP.
        var today = new EnTimeZone(en.TimeZone).Today(time);
        var plan = IwpJson.Deserialize(upload.Json);
        var result = IwpComplianceChecker.Default.Check(plan, today);
        var signatures = Signatures(plan, result, "An amendment", today, earliest: original.SignedOn);
        if (signatures.Problem is { } problem)
        {
            return problem;
        }

        var (enSigned, thSigned, signedOn) = signatures.Dates!.Value;
        var amended = new IwpAmended(signedOn, caller.Name, NewId("amd"), HasBlockingFinding: result.HasBlockingFindings);
        var decision = TicketTransitions.Check(facts, amended);
        if (!decision.Allowed)
        {
            return Conflict(decision.Reason!);
        }

        // No deadline restarts: the 14-day submission clock runs from the original plan's signatures (the rulebook's
        // iwp-submission rule), and an amendment is kept with the plan for the TPM and S&S reviews.
        var stored = await SaveDocumentAsync(documents, caller, ticketNumber, DocumentKind.IwpAmendment, amended.AmendmentId, upload.Document, ct);
        amended = amended with { Record = new IwpRecord(caller.EnPid, ticketNumber, amended.AmendmentId, original.IwpId, enSigned, thSigned, result.Findings, stored, time.GetUtcNow()) };
        await client.RaiseEventAsync(TicketInstanceId.For(caller.EnPid, ticketNumber), nameof(TicketEventMessage), new TicketEventMessage(amended), ct);
        return TypedResults.Accepted($"{http.Request.PathBase}/api/v1/tickets/{ticketNumber}/iwps/{amended.AmendmentId}", new
        {
            amended.AmendmentId,
            AmendsIwpId = original.IwpId,
            SignedOn = signedOn,
            Blocking = result.HasBlockingFindings,
            result.Findings,
        });
    }

    private static async Task<IResult> ListAsync(string ticketNumber, HttpContext http, ITicketRepository tickets, IIwpRepository iwps, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        return await tickets.FindAsync(caller.EnPid, ticketNumber, ct) is null
            ? NotFound($"There is no ticket {ticketNumber}.")
            : TypedResults.Ok((await iwps.ListAsync(caller.EnPid, ticketNumber, ct)).OrderBy(r => r.RecordedAt));
    }

    private static async Task<IResult> GetAsync(string ticketNumber, string iwpId, HttpContext http, IIwpRepository iwps, CancellationToken ct)
    {
        // The record's key holds the caller's EN, so another EN's record is as missing as an absent one.
        var caller = Caller.From(http.User);
        return await iwps.FindAsync(caller.EnPid, ticketNumber, iwpId, ct) is { } record
            ? TypedResults.Ok(record)
            : NotFound($"Ticket {ticketNumber} has no IWP {iwpId}.");
    }

    private static async Task<IResult> DocumentAsync(string ticketNumber, string iwpId, HttpContext http, IIwpRepository iwps, IDocumentStore documents, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (await iwps.FindAsync(caller.EnPid, ticketNumber, iwpId, ct) is not { } record)
        {
            return NotFound($"Ticket {ticketNumber} has no IWP {iwpId}.");
        }

        if (record.Document is not { } document)
        {
            return NotFound($"IWP {iwpId} was recorded without its signed document.");
        }

        var extension = document.ContentType switch { "application/pdf" => ".pdf", "image/png" => ".png", "image/jpeg" => ".jpg", _ => ".tif" };
        return TypedResults.Stream(await documents.OpenReadAsync(document, ct), document.ContentType, $"{iwpId}{extension}");
    }

    /// <summary>Both parties' signature dates and the later one, or the problem that stops the plan being recorded.</summary>
    private static (IResult? Problem, (DateOnly En, DateOnly Ticketholder, DateOnly Later)? Dates) Signatures(
        Iwp plan, IwpCheckResult result, string what, DateOnly today, DateOnly? earliest)
    {
        var enSigned = plan.Signatures?.EmploymentNetwork?.Date;
        var thSigned = plan.Signatures?.Ticketholder?.Date;
        if (enSigned is null || thSigned is null)
        {
            return (TypedResults.Problem($"{what} is recorded once both the EN and the ticketholder signed and dated it.",
                statusCode: 422, title: "Not signed by both parties", extensions: new Dictionary<string, object?> { ["findings"] = result.Findings }), null);
        }

        var later = enSigned > thSigned ? enSigned.Value : thSigned.Value;
        var check = new ApiValidation().NotInFuture("signatures", later, today);
        var first = enSigned < thSigned ? enSigned.Value : thSigned.Value;
        if (earliest is { } original && first < original)
        {
            check.Add("signatures", $"An amendment cannot be signed before the IWP it amends (both parties had signed on {original:yyyy-MM-dd}).");
        }

        return check.IsValid ? (null, (enSigned.Value, thSigned.Value, later)) : (check.Problem(), null);
    }

    private static async Task<DocumentReference?> SaveDocumentAsync(
        IDocumentStore documents, Caller caller, string ticketNumber, DocumentKind kind, string id, IFormFile? document, CancellationToken ct)
    {
        if (document is null)
        {
            return null;
        }

        await using var content = document.OpenReadStream();
        return await documents.SaveAsync(DocumentFolders.ForTicket(caller.EnPid, ticketNumber), kind, id, content, document.ContentType, ct);
    }

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..16];

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(reason, statusCode: 409, title: "Not allowed in the ticket's current state");
}

using Microsoft.DurableTask.Client;
using TicketFlow.Api.Idempotency;
using TicketFlow.Api.Tickets;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Tickets;
using TicketFlow.Workflow.Tickets.Events;

namespace TicketFlow.Api.Iwps;

/// <summary>
/// A ticket's IWPs and their amendments: record a signed plan (JSON, or multipart with the signed document), list and
/// read them, download a signed document. Another EN's ticket answers 404 exactly like a missing one.
/// </summary>
internal static class IwpEndpoints
{
    private const string Ticket = "{ticketNumber:" + ApiRoutes.Id + "}";
    private const string Iwp = "{iwpId:" + ApiRoutes.Id + "}";

    public static RouteGroupBuilder MapIwpEndpoints(this RouteGroupBuilder api)
    {
        var iwps = api.MapGroup($"/tickets/{Ticket}/iwps").WithTags("IWPs");
        iwps.MapPost("/", SubmitAsync).DisableAntiforgery()
            .WithMetadata(new MultipartParts([
                new MultipartPart("iwp", "The signed plan in the shape of schemas/iwp.schema.json (a field, or a file part as `curl -F iwp=@plan.json` sends it).", false, true),
                new MultipartPart("document", "The signed document: PDF, PNG, JPEG or TIFF, whose bytes must be what its type says.", true, false)], AlsoJson: true)).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(IwpUpload.MaxDocumentBytes + IwpUpload.MaxJsonBytes))
            .WithSummary("Record a signed IWP (JSON, or multipart with the signed document): 202 with its findings and the deadlines it starts; the ticket's workflow writes the record (Location).");
        iwps.MapGet("/", ListAsync).WithSummary("The ticket's IWPs and amendments, in the order they were recorded.");
        iwps.MapGet($"/{Iwp}", GetAsync).WithSummary("One IWP or amendment record with its findings.");
        iwps.MapGet($"/{Iwp}/document", DocumentAsync).WithSummary("The signed document of an IWP or amendment.");
        iwps.MapPost($"/{Iwp}/amendments", AmendAsync).DisableAntiforgery()
            .WithMetadata(new MultipartParts([
                new MultipartPart("iwp", "The signed plan in the shape of schemas/iwp.schema.json (a field, or a file part as `curl -F iwp=@plan.json` sends it).", false, true),
                new MultipartPart("document", "The signed document: PDF, PNG, JPEG or TIFF, whose bytes must be what its type says.", true, false)], AlsoJson: true)).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(IwpUpload.MaxDocumentBytes + IwpUpload.MaxJsonBytes))
            .WithSummary("Record an amendment to the IWP, signed and dated by both parties (JSON, or multipart with the signed document): 202; the ticket's workflow writes the record (Location).");
        return api;
    }

    private static async Task<IResult> SubmitAsync(
        string ticketNumber, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets, IIwpRepository iwps,
        IDocumentStore documents, DurableTaskClient client, TicketEventGate gate, ApiLinks links, TimeProvider time, CancellationToken ct)
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
        var iwpId = IdempotentIds.For(http, "iwp", 16);

        // A keyed retry whose first attempt was accepted but never answered finds the record the workflow wrote
        // from that attempt's event, and answers as the first attempt did, raising nothing.
        if (IdempotentIds.IsKeyed(http) && await iwps.FindAsync(caller.EnPid, ticketNumber, iwpId, ct) is not null)
        {
            return SubmitAccepted(links, ticketNumber, iwpId, signedOn, result);
        }

        // Checked, then the signed document stored under the new record's id, then the request's one durable write:
        // the event, carrying the record, which the ticket's workflow writes with the audited change and the
        // deadlines it starts. If the event cannot be raised, the document goes too: a failed request leaves nothing.
        var (decision, _) = await gate.RaiseAsync(client, TicketInstanceId.For(caller.EnPid, ticketNumber), facts,
            new IwpSigned(signedOn, caller.Name, iwpId, enSigned, thSigned, result.HasBlockingFindings),
            async e => e is IwpSigned signed
                ? signed with { Record = new IwpRecord(caller.EnPid, ticketNumber, iwpId, null, enSigned, thSigned, result.Findings,
                    await SaveDocumentAsync(documents, caller, ticketNumber, DocumentKind.SignedIwp, iwpId, upload.Document, ct), time.GetUtcNow()) }
                : e,
            ct).WithDocumentCleanup(documents, DocumentFolders.ForTicket(caller.EnPid, ticketNumber), DocumentKind.SignedIwp, iwpId, upload.Document);
        return decision.Allowed ? SubmitAccepted(links, ticketNumber, iwpId, signedOn, result) : Conflict(decision.Reason!);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Accepted<object> SubmitAccepted(ApiLinks links, string ticketNumber, string iwpId, DateOnly signedOn, IwpCheckResult result) =>
        TypedResults.Accepted<object>(links.To($"tickets/{ticketNumber}/iwps/{iwpId}"), new
        {
            IwpId = iwpId,
            SignedOn = signedOn,
            Blocking = result.HasBlockingFindings,
            result.Findings,
            Deadlines = result.SubmissionDeadline is { } due
                ? new[] { new { RuleId = due.Rule.Id, DueOn = due.Date, due.Explanation } }
                : [],
        });

    private static async Task<IResult> AmendAsync(
        string ticketNumber, string iwpId, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets, IIwpRepository iwps,
        IDocumentStore documents, DurableTaskClient client, TicketEventGate gate, ApiLinks links, TimeProvider time, CancellationToken ct)
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
        var amendmentId = IdempotentIds.For(http, "amd", 16);
        var answer = TypedResults.Accepted(links.To($"tickets/{ticketNumber}/iwps/{amendmentId}"), new
        {
            AmendmentId = amendmentId,
            AmendsIwpId = original.IwpId,
            SignedOn = signedOn,
            Blocking = result.HasBlockingFindings,
            result.Findings,
        });
        if (IdempotentIds.IsKeyed(http) && await iwps.FindAsync(caller.EnPid, ticketNumber, amendmentId, ct) is not null)
        {
            return answer;
        }

        // No deadline restarts: the 14-day submission clock runs from the original plan's signatures (the rulebook's
        // iwp-submission rule), and an amendment is kept with the plan for the TPM and S&S reviews.
        var (decision, _) = await gate.RaiseAsync(client, TicketInstanceId.For(caller.EnPid, ticketNumber), facts,
            new IwpAmended(signedOn, caller.Name, amendmentId, HasBlockingFinding: result.HasBlockingFindings),
            async e => e is IwpAmended amended
                ? amended with { Record = new IwpRecord(caller.EnPid, ticketNumber, amendmentId, original.IwpId, enSigned, thSigned, result.Findings,
                    await SaveDocumentAsync(documents, caller, ticketNumber, DocumentKind.IwpAmendment, amendmentId, upload.Document, ct), time.GetUtcNow()) }
                : e,
            ct).WithDocumentCleanup(documents, DocumentFolders.ForTicket(caller.EnPid, ticketNumber), DocumentKind.IwpAmendment, amendmentId, upload.Document);
        return decision.Allowed ? answer : Conflict(decision.Reason!);
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
        var check = new ApiValidation().Date("signatures.employmentNetwork.date", enSigned).Date("signatures.ticketholder.date", thSigned);
        if (!check.IsValid)
        {
            return (check.Problem(), null);
        }

        check.NotInFuture("signatures", later, today);
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

    /// <summary>
    /// Awaits a raise whose preparation stored a document; if the raise failed after the document was stored, the
    /// document is deleted, so that a failed request leaves no orphaned blob.
    /// </summary>
    private static async Task<(TransitionDecision Decision, TicketEvent Event)> WithDocumentCleanup(
        this Task<(TransitionDecision Decision, TicketEvent Event)> raise, IDocumentStore documents, string folder, DocumentKind kind, string id, IFormFile? document)
    {
        try
        {
            return await raise;
        }
        catch when (document is not null)
        {
            await documents.DeleteAsync(new DocumentReference(folder, kind, id, document.ContentType, 0, string.Empty, DateTimeOffset.MinValue), CancellationToken.None);
            throw;
        }
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: 404, title: "Not found");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Conflict(string reason) =>
        TypedResults.Problem(reason, statusCode: 409, title: "Not allowed in the ticket's current state");
}

using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Disputes;
using TicketFlow.Workflow.Disputes.Events;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Reminders;

namespace TicketFlow.Api.Disputes;

/// <summary>Disputes between the EN and a State VR agency: open a request with the agreement copy, record its steps, see its deadlines.</summary>
internal static class DisputeEndpoints
{
    private const long MaxAgreementBytes = 10 * 1024 * 1024;

    public static RouteGroupBuilder MapDisputeEndpoints(this RouteGroupBuilder api)
    {
        var disputes = api.MapGroup("/disputes").WithTags("Disputes");
        disputes.MapPost("/", OpenAsync).DisableAntiforgery()
            .WithMetadata(new MultipartParts([
                new MultipartPart("request", "The dispute request as JSON (disputeId, stateVrAgency, requestedBy, notCoveredByAgreementOrStateProcedures, issues, enPosition, stateVrAgencyPosition, requestReceivedOn).", false, true),
                new MultipartPart("agreement", "The copy of the EN / State VR agreement, a PDF (20 CFR 411.435(c)(1)(i)).", true, true)])).WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxAgreementBytes + 64 * 1024))
            .WithSummary("Open a dispute request (multipart: a 'request' JSON field and the 'agreement' copy as a PDF); starts its deadlines.");
        disputes.MapGet("/{disputeId:" + ApiRoutes.Id + "}", GetAsync).WithSummary("A dispute and its deadlines.");
        disputes.MapPost("/{disputeId:" + ApiRoutes.Id + "}/events", RecordEventAsync)
            .WithSummary("Record the PM's recommendation (RecommendationReceived), a decision request (DecisionRequested) or a resolution (DisputeResolved).");
        return api;
    }

    private static async Task<IResult> OpenAsync(
        HttpContext http, IEmploymentNetworkRepository networks, IDisputeRepository disputes, IDocumentStore documents,
        DurableTaskClient client, IOptions<ReminderOptions> reminders, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IAuditTrail audit, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (!http.Request.HasFormContentType)
        {
            return TypedResults.Problem("Send multipart/form-data with a 'request' JSON field and the 'agreement' file (20 CFR 411.435(c)(1)(i) requires a copy of the agreement).",
                statusCode: 415, title: "Unsupported content type");
        }

        if (http.Request.ContentLength > MaxAgreementBytes + 64 * 1024)
        {
            return TypedResults.Problem("The agreement copy is at most 10 MB.", statusCode: 413, title: "Request too large");
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is (IOException or InvalidDataException) and not BadHttpRequestException)
        {
            return TypedResults.Problem("The multipart body cannot be read: check its boundary and part headers.", statusCode: 400, title: "Malformed multipart body");
        }

        var request = JsonSerializer.Deserialize<OpenDisputeRequest>(form["request"].ToString() is { Length: > 0 } text ? text : "null", json.Value.SerializerOptions);
        var agreement = form.Files.GetFile("agreement");
        var en = await networks.FindAsync(caller.EnPid, ct);
        var check = new ApiValidation();
        if (request is null)
        {
            return check.Add("request", "Is required.").Problem();
        }

        check.Id("disputeId", request.DisputeId).Text("stateVrAgency", request.StateVrAgency, 200).Text("issues", request.Issues, 8000)
            .Text("enPosition", request.EnPosition, 8000).Text("stateVrAgencyPosition", request.StateVrAgencyPosition, 8000)
            .NotInFuture("requestReceivedOn", request.RequestReceivedOn, new EnTimeZone(en?.TimeZone ?? EnTimeZone.DefaultId).Today(time));
        if (!request.NotCoveredByAgreementOrStateProcedures)
        {
            check.Add("notCoveredByAgreementOrStateProcedures",
                "The PM recommends only when neither the agreement nor State law or procedures provide a way to resolve the dispute (20 CFR 411.435(a)-(c)).");
        }

        if (agreement is null)
        {
            check.Add("agreement", "A copy of the agreement is required (20 CFR 411.435(c)(1)(i)).");
        }
        else if (!string.Equals(agreement.ContentType, "application/pdf", StringComparison.OrdinalIgnoreCase) || DocumentSignatures.Detect(agreement) != "application/pdf")
        {
            // The bytes decide, not the claimed type: a file that does not start as a PDF does is not one.
            return TypedResults.Problem("The agreement copy must be a PDF (its content must start with %PDF-).", statusCode: 415, title: "Unsupported document type");
        }
        else if (agreement.Length > MaxAgreementBytes)
        {
            return TypedResults.Problem("The agreement copy is at most 10 MB.", statusCode: 413, title: "Request too large");
        }

        if (!check.IsValid || en is null)
        {
            return check.Problem();
        }

        // A request that stopped half-way (the record written, the workflow not started) is not a duplicate:
        // repeating it completes it, from the record already kept.
        var instanceId = DisputeSettings.InstanceIdFor(caller.EnPid, request.DisputeId);
        var existing = await disputes.FindAsync(caller.EnPid, request.DisputeId, ct);
        if (existing is not null && await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is not null)
        {
            return TypedResults.Problem($"Dispute {request.DisputeId} already exists.", statusCode: 409, title: "Already exists");
        }

        if (existing is null)
        {
            DocumentReference copy;
            await using (var content = agreement!.OpenReadStream())
            {
                copy = await documents.SaveAsync(DocumentFolders.ForDispute(caller.EnPid, request.DisputeId), DocumentKind.DisputeAgreementCopy, "agreement", content, "application/pdf", ct);
            }

            existing = new Dispute(caller.EnPid, request.DisputeId, request.StateVrAgency, request.RequestedBy, true, request.Issues,
                request.EnPosition, request.StateVrAgencyPosition, request.RequestReceivedOn, copy, DisputeStatus.AwaitingRecommendation, null, null, null);
            try
            {
                await disputes.AddAsync(existing, ct);
            }
            catch
            {
                // A failed request leaves nothing behind: the copy goes unless a record (a racing request's) refers to it.
                if (await disputes.FindAsync(caller.EnPid, request.DisputeId, CancellationToken.None) is null)
                {
                    await documents.DeleteAsync(copy, CancellationToken.None);
                }

                throw;
            }
        }

        await audit.RecordAsync(caller.EnPid, caller.Name, "open dispute request", $"dispute {request.DisputeId}", time, ct);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(DisputeOrchestrator),
            new DisputeSettings(caller.EnPid, request.DisputeId, existing.StateVrAgency, en.TimeZone, existing.RequestReceivedOn, reminders.Value.ToSchedule()),
            new StartOrchestrationOptions { InstanceId = instanceId }, ct);
        return Management.ManagementEndpoints.Started(links, instanceId, $"disputes/{request.DisputeId}", $"disputes/{request.DisputeId}/events",
            new { request.DisputeId, Status = DisputeStatus.AwaitingRecommendation });
    }

    private static async Task<IResult> GetAsync(string disputeId, HttpContext http, IDisputeRepository disputes, IDeadlineRepository deadlines, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        return await disputes.FindAsync(caller.EnPid, disputeId, ct) is { } dispute
            ? TypedResults.Ok(new { dispute, deadlines = await deadlines.ListForSubjectAsync(caller.EnPid, DisputeOrchestrator.SubjectIdFor(disputeId), ct) })
            : TypedResults.Problem($"There is no dispute {disputeId}.", statusCode: 404, title: "Not found");
    }

    private static async Task<IResult> RecordEventAsync(
        string disputeId, DisputeEvent disputeEvent, HttpContext http, IEmploymentNetworkRepository networks, IDisputeRepository disputes,
        DurableTaskClient client, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (await disputes.FindAsync(caller.EnPid, disputeId, ct) is not { } dispute)
        {
            return TypedResults.Problem($"There is no dispute {disputeId}.", statusCode: 404, title: "Not found");
        }

        var en = await networks.FindAsync(caller.EnPid, ct);
        var check = new ApiValidation().NotInFuture("on", disputeEvent.On, new EnTimeZone(en?.TimeZone ?? EnTimeZone.DefaultId).Today(time));
        if (!check.IsValid)
        {
            return check.Problem();
        }

        var stamped = disputeEvent with { Actor = caller.Name };
        if (DisputeTransitions.Check(dispute.Status, stamped, out var next) is { } refusal)
        {
            return TypedResults.Problem(refusal, statusCode: 409, title: "Not allowed in the dispute's current state");
        }

        await client.RaiseEventAsync(DisputeSettings.InstanceIdFor(caller.EnPid, disputeId), nameof(DisputeEventMessage), new DisputeEventMessage(stamped), ct);
        return TypedResults.Accepted(links.To($"disputes/{disputeId}"), new { Accepted = stamped.GetType().Name, NextStatus = next });
    }
}

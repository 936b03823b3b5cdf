using Microsoft.Extensions.Options;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using TicketFlow.Workflow.Audit;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Reminders;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Api.Reviews;

/// <summary>Services and Supports reviews: open a request, download each ticketholder's package, mark the response sent.</summary>
internal static class ReviewEndpoints
{
    private const string Id = ApiRoutes.Id;

    /// <summary>The most tickets one review request may sample.</summary>
    private const int MaxSampledTickets = 500;

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var reviews = api.MapGroup("/reviews").WithTags("Services and Supports reviews");
        reviews.MapPost("/", OpenAsync).WithSummary("Open an S&S review request; packages are built for each sampled ticket.");
        reviews.MapGet($"/{{reviewId:{Id}}}", GetAsync).WithSummary("A review, its status and packages.");
        reviews.MapGet($"/{{reviewId:{Id}}}/packages/{{ticketNumber:{Id}}}", DownloadAsync).WithSummary("One ticketholder's package (ZIP: IWP, amendments, case notes).");
        reviews.MapPost($"/{{reviewId:{Id}}}/sent", MarkSentAsync).WithSummary("Mark the response sent to the TPM; reminders stop.");
        return api;
    }

    private static async Task<IResult> OpenAsync(
        OpenReviewRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        IServicesAndSupportsReviewRepository reviews, DurableTaskClient client, IOptions<ReminderOptions> reminders, IAuditTrail audit, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var en = await networks.FindAsync(caller.EnPid, ct);
        var zone = new EnTimeZone(en?.TimeZone ?? EnTimeZone.DefaultId);
        var check = new ApiValidation().Id("reviewId", request.ReviewId).NotInFuture("receivedOn", request.ReceivedOn, zone.Today(time))
            .Date("dueOn", request.DueOn).Ids("ticketNumbers", request.TicketNumbers, MaxSampledTickets);
        if (request.DueOn < request.ReceivedOn)
        {
            check.Add("dueOn", "Must not be before receivedOn.");
        }

        // Only well-formed numbers are looked up: an entry that could never name a ticket is refused above, by index.
        if (check.IsValid)
        {
            foreach (var ticket in request.TicketNumbers.Distinct(StringComparer.Ordinal))
            {
                if (await tickets.FindAsync(caller.EnPid, ticket, ct) is null)
                {
                    check.Add("ticketNumbers", $"There is no ticket {ticket}.");
                }
            }
        }

        if (!check.IsValid || en is null)
        {
            return check.Problem();
        }

        // A request that stopped half-way (the record written, the workflow not started) is not a duplicate:
        // repeating it completes it, from the record already kept.
        var instanceId = ServicesAndSupportsReviewSettings.InstanceIdFor(caller.EnPid, request.ReviewId);
        var existing = await reviews.FindAsync(caller.EnPid, request.ReviewId, ct);
        if (existing is not null && await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct) is not null)
        {
            return TypedResults.Problem($"Review {request.ReviewId} already exists.", statusCode: 409, title: "Already exists");
        }

        if (existing is null)
        {
            existing = new ServicesAndSupportsReview(caller.EnPid, request.ReviewId, request.ReceivedOn, request.DueOn,
                [.. request.TicketNumbers!.Distinct(StringComparer.Ordinal)], ServicesAndSupportsReviewStatus.Preparing, new Dictionary<string, DocumentReference>(), null);
            await reviews.AddAsync(existing, ct);
        }

        await audit.RecordAsync(caller.EnPid, caller.Name, "open S&S review", $"review {request.ReviewId}", time, ct);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ServicesAndSupportsReviewOrchestrator),
            new ServicesAndSupportsReviewSettings(caller.EnPid, request.ReviewId, en.TimeZone, existing.ReceivedOn, existing.DueOn, [.. existing.TicketNumbers], reminders.Value.ToSchedule()),
            new StartOrchestrationOptions { InstanceId = instanceId }, ct);
        return Management.ManagementEndpoints.Started(links, instanceId, $"reviews/{request.ReviewId}", $"reviews/{request.ReviewId}/sent",
            new { request.ReviewId, Status = ServicesAndSupportsReviewStatus.Preparing });
    }

    private static async Task<IResult> GetAsync(string reviewId, HttpContext http, IServicesAndSupportsReviewRepository reviews, CancellationToken ct) =>
        await reviews.FindAsync(Caller.From(http.User).EnPid, reviewId, ct) is { } review
            ? TypedResults.Ok(review)
            : TypedResults.Problem($"There is no review {reviewId}.", statusCode: 404, title: "Not found");

    private static async Task<IResult> DownloadAsync(
        string reviewId, string ticketNumber, HttpContext http, IServicesAndSupportsReviewRepository reviews, IDocumentStore documents, CancellationToken ct)
    {
        var review = await reviews.FindAsync(Caller.From(http.User).EnPid, reviewId, ct);
        if (review is null || !review.Packages.TryGetValue(ticketNumber, out var package))
        {
            return TypedResults.Problem($"Review {reviewId} has no package for ticket {ticketNumber} (yet).", statusCode: 404, title: "Not found");
        }

        return TypedResults.Stream(await documents.OpenReadAsync(package, ct), "application/zip", $"ss-review-{reviewId}-{ticketNumber}.zip");
    }

    private static async Task<IResult> MarkSentAsync(
        string reviewId, ServicesAndSupportsReviewSent sent, HttpContext http, IServicesAndSupportsReviewRepository reviews, DurableTaskClient client,
        IAuditTrail audit, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var check = new ApiValidation().Date("on", sent.On);
        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (await reviews.FindAsync(caller.EnPid, reviewId, ct) is not { } review)
        {
            return TypedResults.Problem($"There is no review {reviewId}.", statusCode: 404, title: "Not found");
        }

        if (review.Status == ServicesAndSupportsReviewStatus.Sent)
        {
            return TypedResults.Problem($"Review {reviewId} was already marked sent on {review.SentOn:yyyy-MM-dd}.", statusCode: 409, title: "Already sent");
        }

        await client.RaiseEventAsync(ServicesAndSupportsReviewSettings.InstanceIdFor(caller.EnPid, reviewId), nameof(ServicesAndSupportsReviewSent),
            sent with { Actor = caller.Name }, ct);
        await audit.RecordAsync(caller.EnPid, caller.Name, "mark S&S review sent", $"review {reviewId}", time, ct);
        return TypedResults.Accepted(links.To($"reviews/{reviewId}"), new { Accepted = nameof(ServicesAndSupportsReviewSent) });
    }
}

using System.Globalization;
using Microsoft.DurableTask.Client;
using TicketFlow.Api.Tickets;
using TicketFlow.Workflow.Calendar;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Api.Earnings;

/// <summary>
/// A ticketholder's monthly earnings: staff record each month's gross amount, where it comes from and the document that
/// shows it; the ticket's workflow compares them with TWL and SGA at its earnings checkpoints. The write is done when
/// the answer is 201: the record (and its document) are stored before the response.
/// </summary>
internal static class EarningsEndpoints
{
    private const long MaxDocumentBytes = 10 * 1024 * 1024;
    private const decimal MaxGrossAmount = 1_000_000m;
    private static readonly string[] DocumentTypes = ["application/pdf", "image/png", "image/jpeg", "image/tiff"];

    public static RouteGroupBuilder MapEarningsEndpoints(this RouteGroupBuilder api)
    {
        var earnings = api.MapGroup("/tickets/{ticketNumber:" + ApiRoutes.Id + "}/earnings").WithTags("Earnings");
        earnings.MapPost("/", RecordAsync).WithSummary("Record a month's gross earnings (pay stub, employer report or the ticketholder's statement, with the document when there is one): 201 with the record. Recording a month again corrects it.");
        earnings.MapGet("/", ListAsync).WithSummary("The ticket's recorded monthly earnings, oldest month first.");
        earnings.MapGet("/{month:regex(^[0-9]{{4}}-[0-9]{{2}}$)}", GetAsync).WithSummary("One month's recorded earnings.");
        return api;
    }

    private static async Task<IResult> RecordAsync(
        string ticketNumber, RecordEarningsRequest request, HttpContext http, IEmploymentNetworkRepository networks, ITicketRepository tickets,
        DurableTaskClient client, IEarningsRepository earnings, IDocumentStore documents, ApiLinks links, TimeProvider time, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var (ticket, stopped) = await TicketWorkflow.FindAsync(client, networks, tickets, caller.EnPid, ticketNumber, ct);
        if (ticket is not { En: var en, Facts: var facts })
        {
            return stopped!;
        }

        var today = new EnTimeZone(en.TimeZone).Today(time);
        var check = new ApiValidation().Id("staffId", request.StaffId);
        DateOnly month = default;
        if (!DateOnly.TryParseExact(request.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month))
        {
            check.Add("month", "Must be a calendar month, yyyy-MM.");
        }
        else if (month > new DateOnly(today.Year, today.Month, 1))
        {
            check.Add("month", $"{request.Month} has not begun yet (today is {today:yyyy-MM-dd} in the EN's time zone).");
        }

        if (request.GrossAmount is < 0 or > MaxGrossAmount)
        {
            check.Add("grossAmount", $"Must be from 0 to {MaxGrossAmount.ToString("0", CultureInfo.InvariantCulture)} US dollars.");
        }

        if (!Enum.IsDefined(request.Source))
        {
            check.Add("source", "Must be PayStub, EmployerReport or TicketholderStatement.");
        }

        byte[]? content = null;
        if (request.Document is { } document)
        {
            if (!DocumentTypes.Contains(document.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                check.Add("document.contentType", $"Must be one of {string.Join(", ", DocumentTypes)}.");
            }

            try
            {
                content = Convert.FromBase64String(document.ContentBase64 ?? "");
                if (content.Length == 0 || content.Length > MaxDocumentBytes)
                {
                    check.Add("document.contentBase64", $"The document must hold 1 to {MaxDocumentBytes} bytes.");
                }
            }
            catch (FormatException)
            {
                check.Add("document.contentBase64", "Is not base64.");
            }
        }

        if (!check.IsValid)
        {
            return check.Problem();
        }

        if (facts.Status is not (TicketStatus.InitialJobAcquisition or TicketStatus.OngoingSupport))
        {
            return TypedResults.Problem($"Earnings are recorded for an assigned ticket; ticket {ticketNumber} is {facts.Status}.",
                statusCode: 409, title: "Not allowed in the ticket's current state");
        }

        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        DocumentReference? stored = null;
        if (content is not null)
        {
            using var stream = new MemoryStream(content, writable: false);
            stored = await documents.SaveAsync(DocumentFolders.ForTicket(caller.EnPid, ticketNumber), DocumentKind.EarningsEvidence,
                $"earnings-{key}", stream, request.Document!.ContentType.ToLowerInvariant(), ct);
        }

        var record = new MonthlyEarnings(caller.EnPid, ticketNumber, month, request.GrossAmount, request.Source, request.StaffId, stored, time.GetUtcNow());
        await earnings.UpsertAsync(record, ct);
        return TypedResults.Created(links.To($"tickets/{ticketNumber}/earnings/{key}"), record);
    }

    private static async Task<IResult> GetAsync(string ticketNumber, string month, HttpContext http, IEarningsRepository earnings, CancellationToken ct)
    {
        // The records are in the caller's EN partition, so another EN's month is as missing as an absent one.
        var caller = Caller.From(http.User);
        return (await earnings.ListAsync(caller.EnPid, ticketNumber, ct)).FirstOrDefault(e => e.MonthKey == month) is { } record
            ? TypedResults.Ok(record)
            : TypedResults.Problem($"No earnings are recorded for {month} on ticket {ticketNumber}.", statusCode: 404, title: "Not found");
    }

    private static async Task<IResult> ListAsync(string ticketNumber, HttpContext http, ITicketRepository tickets, IEarningsRepository earnings, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        return await tickets.FindAsync(caller.EnPid, ticketNumber, ct) is null
            ? TicketWorkflow.NotFound(ticketNumber)
            : TypedResults.Ok(await earnings.ListAsync(caller.EnPid, ticketNumber, ct));
    }
}

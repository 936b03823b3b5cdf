using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.DurableTask;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Earnings;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Workflow.ServicesAndSupportsReviews;

/// <summary>
/// Builds one ticketholder's S&amp;S review package (Program Integrity webinar, "Services and Supports Request"; EN Guide,
/// "create a separate file for each Ticketholder containing only their IWP, case notes and, if applicable, IWP
/// amendments"): a ZIP with the signed IWP, every amendment, the case notes of the window (all of them when the
/// ticket is younger than the window) and the earnings evidence (every recorded month, with its documents), with a
/// plain-text index. Stored as a document named from the review id;
/// idempotent: building again replaces the same document with the same content.
/// </summary>
public sealed class BuildServicesAndSupportsPackageActivity(
    ITicketRepository tickets,
    IIwpRepository iwps,
    ICaseNoteRepository caseNotes,
    IDocumentStore documents,
    IEarningsRepository earnings) : TaskActivity<PackageRequest, DocumentReference>
{
    /// <inheritdoc />
    public override async Task<DocumentReference> RunAsync(TaskActivityContext context, PackageRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        var ticket = await tickets.FindAsync(input.EnPid, input.TicketNumber, ct)
            ?? throw new InvalidOperationException($"Ticket {input.TicketNumber} is not registered for EN {input.EnPid}.");
        var servedSince = ticket.AssignedOn ?? ticket.RegisteredOn;
        DateOnly? notesFrom = servedSince < input.WindowStartsOn ? input.WindowStartsOn : null;
        var notes = await caseNotes.ListAsync(input.EnPid, input.TicketNumber, notesFrom, input.ReceivedOn, ct);
        var plans = await iwps.ListAsync(input.EnPid, input.TicketNumber, ct);
        var months = await earnings.ListAsync(input.EnPid, input.TicketNumber, ct);

        using var zip = new MemoryStream();
        var index = new StringBuilder();
        index.AppendLine(CultureInfo.InvariantCulture, $"Services and Supports review {input.ReviewId}: ticket {input.TicketNumber}");
        index.AppendLine(CultureInfo.InvariantCulture, $"Case notes from {(notesFrom is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "the start of services")} through {input.ReceivedOn:yyyy-MM-dd}.");
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var plan in plans)
            {
                var label = plan.AmendsIwpId is null ? "IWP" : $"Amendment to {plan.AmendsIwpId}";
                if (plan.Document is { } document)
                {
                    var name = $"{(plan.AmendsIwpId is null ? "iwp" : "amendment")}-{plan.IwpId}{Extension(document.ContentType)}";
                    var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    await using var source = await documents.OpenReadAsync(document, ct);
                    await using var target = await entry.OpenAsync(ct);
                    await source.CopyToAsync(target, ct);
                    index.AppendLine(CultureInfo.InvariantCulture, $"{label} {plan.IwpId}, signed {plan.SignedOn:yyyy-MM-dd}: {name}");
                }
                else
                {
                    index.AppendLine(CultureInfo.InvariantCulture, $"{label} {plan.IwpId}, signed {plan.SignedOn:yyyy-MM-dd}: no signed document uploaded");
                }
            }

            var notesEntry = archive.CreateEntry("case-notes.txt", CompressionLevel.Optimal);
            notesEntry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using (var writer = new StreamWriter(await notesEntry.OpenAsync(ct), Encoding.UTF8))
            {
                foreach (var note in notes)
                {
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{note.On:yyyy-MM-dd}{(note.Time is { } t ? " " + t.ToString("HH:mm", CultureInfo.InvariantCulture) : "")}  {Describe(note)}  staff {note.StaffId}{Evidence(note)}\n    {note.Notes}"));
                    if (note.MessageLeft is { Length: > 0 } message)
                    {
                        await writer.WriteLineAsync($"    Message left: {message}");
                    }
                }
            }

            index.AppendLine(CultureInfo.InvariantCulture, $"Case notes: {notes.Count} (case-notes.txt)");
            foreach (var note in notes)
            {
                var number = 0;
                foreach (var attachment in note.Attachments ?? [])
                {
                    var entry = archive.CreateEntry($"note-{note.NoteId}-{++number}{Extension(attachment.ContentType)}", CompressionLevel.Optimal);
                    entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                    await using var source = await documents.OpenReadAsync(attachment, ct);
                    await using var target = await entry.OpenAsync(ct);
                    await source.CopyToAsync(target, ct);
                }
            }

            // The earnings evidence: every recorded month with its source, and the documents that show it.
            var earningsEntry = archive.CreateEntry("earnings.txt", CompressionLevel.Optimal);
            earningsEntry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using (var writer = new StreamWriter(await earningsEntry.OpenAsync(ct), Encoding.UTF8))
            {
                foreach (var month in months)
                {
                    var evidence = month.Document is { } d ? $"earnings-{month.MonthKey}{Extension(d.ContentType)}" : "no document";
                    await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{month.MonthKey}  gross {month.GrossAmount.ToString("0.00", CultureInfo.InvariantCulture)} USD  {month.Source}  staff {month.StaffId}  {evidence}"));
                }
            }

            foreach (var month in months)
            {
                if (month.Document is not { } document)
                {
                    continue;
                }

                var entry = archive.CreateEntry($"earnings-{month.MonthKey}{Extension(document.ContentType)}", CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
                await using var source = await documents.OpenReadAsync(document, ct);
                await using var target = await entry.OpenAsync(ct);
                await source.CopyToAsync(target, ct);
            }

            index.AppendLine(CultureInfo.InvariantCulture, $"Earnings: {months.Count} month(s), {months.Count(m => m.Document is not null)} with a document (earnings.txt)");
            var indexEntry = archive.CreateEntry("index.txt", CompressionLevel.Optimal);
            indexEntry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await using var indexWriter = new StreamWriter(await indexEntry.OpenAsync(ct), Encoding.UTF8);
            await indexWriter.WriteAsync(index.ToString());
        }

        zip.Position = 0;
        return await documents.SaveAsync(
            DocumentFolders.ForTicket(input.EnPid, input.TicketNumber), DocumentKind.ServicesAndSupportsReviewPackage,
            $"ss-{input.ReviewId}", zip, "application/zip", ct);
    }

    private static string Describe(CaseNote note) => note.Kind switch
    {
        CaseNoteKind.TwoWayContact => $"two-way contact ({note.Method})",
        CaseNoteKind.ContactAttempt => $"contact attempt ({note.Method})",
        CaseNoteKind.NoContactRequest => "ticketholder asked for no contact",
        CaseNoteKind.ServiceNote => "service note (not a contact)",
        _ => "note",
    };

    private static string Evidence(CaseNote note)
    {
        var parts = new List<string>();
        if (note.ContactDetail is { Length: > 0 } detail)
        {
            parts.Add($"via {detail}");
        }

        if (note.DurationMinutes is { } minutes)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{minutes} min"));
        }

        if (note.ServicesProvided is { Count: > 0 } services)
        {
            parts.Add($"services: {string.Join(", ", services)}");
        }

        if (note.Attachments is { Count: > 0 } attachments)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{attachments.Count} attachment(s)"));
        }

        return parts.Count == 0 ? "" : "  " + string.Join("; ", parts);
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/tiff" => ".tif",
        _ => ".bin",
    };
}

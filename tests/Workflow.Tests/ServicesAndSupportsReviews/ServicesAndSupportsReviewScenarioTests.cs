using System.IO.Compression;
using TicketFlow.Workflow.Contacts;
using TicketFlow.Workflow.Deadlines;
using TicketFlow.Workflow.Documents;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.ServicesAndSupportsReviews;
using TicketFlow.Workflow.Tests.Support;
using TicketFlow.Workflow.Tickets;
using static TicketFlow.Workflow.Tests.Support.WorkflowScenario;

namespace TicketFlow.Workflow.Tests.ServicesAndSupportsReviews;

public sealed class ServicesAndSupportsReviewScenarioTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static async Task AddTicketAsync(WorkflowScenario scenario, string ticketNumber, DateOnly assignedOn, params DateOnly[] noteDates)
    {
        await scenario.Records.AddAsync(
            new Ticket(EnPid, ticketNumber, $"th-{ticketNumber}", TicketStatus.InitialJobAcquisition, "s1", assignedOn, assignedOn, assignedOn, null),
            CancellationToken.None);
        using var pdf = new MemoryStream("%PDF-1.7 IWP"u8.ToArray());
        var document = await scenario.Documents.SaveAsync(DocumentFolders.ForTicket(EnPid, ticketNumber), DocumentKind.SignedIwp, "iwp-1", pdf, "application/pdf");
        await scenario.Records.UpsertAsync(new IwpRecord(EnPid, ticketNumber, "iwp-1", null, assignedOn, assignedOn, [], document, DateTimeOffset.UnixEpoch), CancellationToken.None);
        await scenario.Records.UpsertAsync(new IwpRecord(EnPid, ticketNumber, "amend-1", "iwp-1", assignedOn.AddMonths(2), assignedOn.AddMonths(2), [], null, DateTimeOffset.UnixEpoch.AddDays(1)), CancellationToken.None);
        foreach (var (date, i) in noteDates.Select((d, i) => (d, i)))
        {
            await scenario.Records.UpsertAsync(
                new CaseNote(EnPid, ticketNumber, $"n{i}", date, CaseNoteKind.TwoWayContact, ContactMethod.Phone, "s1", $"Call on {date:yyyy-MM-dd}"),
                CancellationToken.None);
        }
    }

    private static async Task<List<string>> PackageEntriesAsync(WorkflowScenario scenario, DocumentReference package, string entryName, List<string> lines)
    {
        await using var stream = await scenario.Documents.OpenReadAsync(package);
        using var zip = new ZipArchive(stream);
        using (var reader = new StreamReader(zip.GetEntry(entryName)!.Open()))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lines.Add(line);
            }
        }

        return [.. zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task Each_package_holds_the_iwp_its_amendments_and_the_last_12_months_of_case_notes_or_all_for_a_younger_ticket()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 5, 1));
        await AddTicketAsync(scenario, "T-OLD", D(2024, 1, 10), D(2025, 3, 1), D(2025, 5, 4), D(2026, 4, 20));
        await AddTicketAsync(scenario, "T-NEW", D(2025, 11, 2), D(2025, 11, 5), D(2026, 2, 1));

        await scenario.RequestReviewAsync("R-1", D(2026, 5, 4), D(2026, 6, 3), "T-OLD", "T-NEW");

        var review = scenario.Records.Reviews[(EnPid, "R-1")];
        Assert.Equal(ServicesAndSupportsReviewStatus.Ready, review.Status);
        var oldNotes = new List<string>();
        Assert.Equal(["case-notes.txt", "earnings.txt", "index.txt", "iwp-iwp-1.pdf"], await PackageEntriesAsync(scenario, review.Packages["T-OLD"], "case-notes.txt", oldNotes));

        // 12 months before 2026-05-04 is 2025-05-04: the 2025-03-01 note is outside the window, 2025-05-04 inside.
        Assert.Equal(["2025-05-04", "2026-04-20"], oldNotes.Where(l => !l.StartsWith(' ')).Select(l => l[..10]));
        var newNotes = new List<string>();
        await PackageEntriesAsync(scenario, review.Packages["T-NEW"], "case-notes.txt", newNotes);
        Assert.Equal(["2025-11-05", "2026-02-01"], newNotes.Where(l => !l.StartsWith(' ')).Select(l => l[..10]));
        var index = new List<string>();
        await PackageEntriesAsync(scenario, review.Packages["T-NEW"], "index.txt", index);
        Assert.Contains(index, l => l.StartsWith("Amendment to iwp-1 amend-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_are_reminded_until_the_response_is_marked_sent()
    {
        await using var scenario = await WorkflowScenario.StartAsync(D(2026, 5, 1));
        await AddTicketAsync(scenario, "T-1", D(2025, 1, 10), D(2026, 1, 5));
        var instanceId = await scenario.RequestReviewAsync("R-2", D(2026, 5, 4), D(2026, 6, 3), "T-1");

        await scenario.RunUntilAsync(D(2026, 5, 31));
        await scenario.Client.RaiseEventAsync(instanceId, nameof(ServicesAndSupportsReviewSent), new ServicesAndSupportsReviewSent(D(2026, 5, 31), "staff"));
        await scenario.RunUntilAsync(D(2026, 6, 10));

        var reminders = scenario.Email.Sent.Where(s => s.Message.ReminderId!.StartsWith(instanceId, StringComparison.Ordinal)).ToList();
        Assert.Equal([EmailTemplateId.ServicesAndSupportsReviewDue, EmailTemplateId.ServicesAndSupportsReviewDue], reminders.Select(r => r.Message.TemplateId));
        var review = scenario.Records.Reviews[(EnPid, "R-2")];
        Assert.Equal((ServicesAndSupportsReviewStatus.Sent, D(2026, 5, 31)), (review.Status, review.SentOn));
        Assert.Equal(DeadlineState.Met, Assert.Single(scenario.Records.Deadlines.Values).State);
    }
}

using Microsoft.DurableTask;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Workflow.Reminders;

/// <summary>
/// Sends a reminder email to its audience. Idempotent: the email carries the reminder's id as its idempotency key,
/// and the sender refuses to send a key twice.
/// </summary>
public sealed class SendReminderActivity(
    IEmploymentNetworkRepository employmentNetworks,
    ITicketRepository tickets,
    ITicketholderRepository ticketholders,
    IEmailSender email) : TaskActivity<ReminderRequest, int>
{
    /// <inheritdoc />
    public override async Task<int> RunAsync(TaskActivityContext context, ReminderRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        var en = await employmentNetworks.FindAsync(input.EnPid, ct)
            ?? throw new InvalidOperationException($"EN {input.EnPid} is not registered.");
        var ticketholder = input.TicketNumber is null ? null : await FindTicketholderAsync(input.EnPid, input.TicketNumber, ct);
        var recipients = await RecipientsAsync(en, input, ticketholder, ct);
        if (recipients.Count == 0)
        {
            return 0;
        }

        var model = new EmailTemplateModel(recipients.Count == 1 ? recipients[0].DisplayName ?? "there" : "team", en.Name)
        {
            TicketholderName = ticketholder?.Name,
            TicketId = input.TicketNumber,
            DueDate = input.DueOn,
            Details = $"{input.Subject}. {input.Details}",
            RuleId = input.RuleId,
            RuleText = input.RuleText,
            RecordAt = input.RecordAt,
        };
        var message = new EmailMessage(input.ReminderId, recipients, input.Template, model)
        {
            TicketId = input.TicketNumber,
            ReminderId = input.ReminderId,
            EmploymentNetworkId = input.EnPid,
            Categories = ["reminder", input.Template.ToString()],
        };
        await email.SendAsync(message, ct);
        return recipients.Count;
    }

    private async Task<Ticketholder?> FindTicketholderAsync(string enPid, string ticketNumber, CancellationToken ct)
    {
        var ticket = await tickets.FindAsync(enPid, ticketNumber, ct);
        return ticket is null ? null : await ticketholders.FindAsync(enPid, ticket.TicketholderId, ct);
    }

    private async Task<List<EmailAddress>> RecipientsAsync(
        EmploymentNetwork en, ReminderRequest input, Ticketholder? ticketholder, CancellationToken ct)
    {
        var compliance = new EmailAddress(en.ComplianceContact.Email, en.ComplianceContact.Name);
        switch (input.Audience)
        {
            case Audience.ComplianceContact:
                return [compliance];
            case Audience.Ticketholder:
                return ticketholder?.Email is { Length: > 0 } address ? [new EmailAddress(address, ticketholder.Name)] : [];
            default:
                var staff = await employmentNetworks.ListStaffAsync(en.Pid, ct);
                var chosen = staff.Where(s => input.StaffId is null || s.StaffId == input.StaffId).ToList();

                // Nobody to remind means the reminder would be lost: the compliance contact hears instead.
                List<EmailAddress> recipients = chosen.Count == 0 ? [compliance] : [.. chosen.Select(s => new EmailAddress(s.Email, s.Name))];
                if (input.Audience == Audience.StaffAndComplianceContact
                    && !recipients.Any(r => string.Equals(r.Address, compliance.Address, StringComparison.OrdinalIgnoreCase)))
                {
                    recipients.Add(compliance);
                }

                return recipients;
        }
    }
}

using Microsoft.DurableTask;
using TicketFlow.Workflow.EmploymentNetworks;
using TicketFlow.Workflow.Notifications;
using TicketFlow.Workflow.Ticketholders;
using TicketFlow.Workflow.Tickets;

namespace TicketFlow.Workflow.Contacts;

/// <summary>
/// Sends the ticketholder a personalised check-in email and writes the case note that makes it a contact attempt
/// (method: email). Idempotent: the note id is the email's idempotency key and the note's key.
/// </summary>
public sealed class SendCheckInEmailActivity(
    IEmploymentNetworkRepository employmentNetworks,
    ITicketRepository tickets,
    ITicketholderRepository ticketholders,
    ICaseNoteRepository caseNotes,
    IEmailSender email) : TaskActivity<CheckInEmail, string?>
{
    /// <summary>Returns null when sent, or why it could not be.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The check-in.</param>
    /// <returns>Null, or the reason nothing was sent.</returns>
    public override async Task<string?> RunAsync(TaskActivityContext context, CheckInEmail input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Microsoft's TaskActivityContext carries no cancellation token: a write cut short by shutdown is redone when the
        // activity runs again (activities run at least once and are idempotent), so none is passed.
        var ct = CancellationToken.None;
        var en = await employmentNetworks.FindAsync(input.EnPid, ct);
        var ticket = await tickets.FindAsync(input.EnPid, input.TicketNumber, ct);
        var ticketholder = ticket is null ? null : await ticketholders.FindAsync(input.EnPid, ticket.TicketholderId, ct);
        if (en is null || ticketholder is null)
        {
            return "the ticket's records are not found";
        }

        if (ticketholder.Email is not { Length: > 0 } address)
        {
            return "the ticketholder has no email address on record";
        }

        var staff = (await employmentNetworks.ListStaffAsync(input.EnPid, ct)).FirstOrDefault(s => s.StaffId == input.StaffId);
        var model = new EmailTemplateModel(ticketholder.Name, en.Name)
        {
            TicketId = input.TicketNumber,
            ContactInstructions = staff is null ? null : $"{staff.Name}, {staff.Email}",
        };
        await email.SendAsync(
            new EmailMessage(input.NoteId, [new EmailAddress(address, ticketholder.Name)], EmailTemplateId.CheckIn, model)
            {
                TicketId = input.TicketNumber,
                ReminderId = input.NoteId,
                EmploymentNetworkId = input.EnPid,
                Categories = ["check-in"],
            },
            ct);
        await caseNotes.UpsertAsync(
            new CaseNote(input.EnPid, input.TicketNumber, input.NoteId, input.On, CaseNoteKind.ContactAttempt, ContactMethod.Email,
                input.StaffId, "Personalised check-in email sent through TicketFlow."),
            ct);
        return null;
    }
}

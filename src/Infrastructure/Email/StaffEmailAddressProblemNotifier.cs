using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// The default <see cref="IAddressProblemNotifier"/>: emails the EN's staff inbox (Email:StaffAlertAddress) with the
/// AddressNeedsAttention template. Idempotent: the idempotency key is the provider's event id.
/// </summary>
public sealed class StaffEmailAddressProblemNotifier(IEmailSender sender, IOptions<EmailOptions> options, ILogger<StaffEmailAddressProblemNotifier> logger)
    : IAddressProblemNotifier
{
    /// <inheritdoc />
    public async Task NotifyAddressNeedsAttentionAsync(EmailDeliveryEvent failedEmail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failedEmail);
        var staff = options.Value.StaffAlertAddress;
        if (string.IsNullOrWhiteSpace(staff))
        {
            EmailLogs.NoStaffAlertAddress(logger, failedEmail.TicketId);
            return;
        }

        var what = failedEmail.Kind == EmailDeliveryEventKind.Bounce ? "bounced" : "was not sent (dropped)";
        var model = new EmailTemplateModel("team", options.Value.EmploymentNetworkName)
        {
            TicketId = failedEmail.TicketId,
            Details = $"The email to {failedEmail.Recipient} {what}" + (failedEmail.Reason is null ? "." : $": {failedEmail.Reason}"),
        };
        await sender.SendAsync(
            new EmailMessage("address-problem|" + failedEmail.EventId, [new EmailAddress(staff)], EmailTemplateId.AddressNeedsAttention, model)
            {
                TicketId = failedEmail.TicketId,
                ReminderId = failedEmail.ReminderId,
                EmploymentNetworkId = failedEmail.EmploymentNetworkId,
            },
            cancellationToken).ConfigureAwait(false);
    }
}

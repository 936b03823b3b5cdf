using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>Checks <see cref="EmailOptions"/> at start, so a missing key fails the host, not the first reminder.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var failures = new List<string>();
        CheckAddress(options.FromAddress, "Email:FromAddress", required: true, failures);
        CheckAddress(options.ReplyToAddress, "Email:ReplyToAddress", required: false, failures);
        CheckAddress(options.StaffAlertAddress, "Email:StaffAlertAddress", required: false, failures);
        if (options.Provider == EmailProvider.Outbox && string.IsNullOrWhiteSpace(options.OutboxFolder))
        {
            failures.Add("Email:OutboxFolder is required when Email:Provider is Outbox.");
        }

        var sendGrid = options.SendGrid;
        if (options.Provider == EmailProvider.SendGrid && string.IsNullOrWhiteSpace(sendGrid.ApiKey))
        {
            failures.Add("Email:SendGrid:ApiKey is required when Email:Provider is SendGrid (set it from the environment: Email__SendGrid__ApiKey).");
        }

        // The API key travels in the Authorization header: plain HTTP only to a stand-in on loopback (tests).
        if (!sendGrid.BaseUrl.IsAbsoluteUri || (sendGrid.BaseUrl.Scheme != Uri.UriSchemeHttps && !(sendGrid.BaseUrl.Scheme == Uri.UriSchemeHttp && sendGrid.BaseUrl.IsLoopback)))
        {
            failures.Add("Email:SendGrid:BaseUrl must be an https URI.");
        }

        if (sendGrid.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("Email:SendGrid:MaxRetryAttempts must be 0-10.");
        }

        if (sendGrid.RetryBaseDelay <= TimeSpan.Zero || sendGrid.MaxRetryDelay < sendGrid.RetryBaseDelay)
        {
            failures.Add("Email:SendGrid:RetryBaseDelay must be positive and not more than MaxRetryDelay.");
        }

        if (sendGrid.WebhookMaxAge <= TimeSpan.Zero)
        {
            failures.Add("Email:SendGrid:WebhookMaxAge must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(sendGrid.WebhookVerificationKey))
        {
            try
            {
                _ = new RequestValidator().ConvertPublicKeyToECDSA(sendGrid.WebhookVerificationKey);
            }
#pragma warning disable CA1031 // The ECDSA library documents no exception set for a malformed key; any of them is this one failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures.Add($"Email:SendGrid:WebhookVerificationKey is not the ECDSA public key SendGrid shows (base64 or PEM): {e.GetType().Name}.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(string? address, string setting, bool required, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            if (required)
            {
                failures.Add($"{setting} is required.");
            }

            return;
        }

        try
        {
            _ = new EmailAddress(address);
        }
        catch (ArgumentException)
        {
            failures.Add($"{setting} ('{address}') is not a valid email address.");
        }
    }
}

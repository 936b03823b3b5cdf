using System.Globalization;
using System.Text;
using System.Text.Json;
using EllipticCurve;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// The logic behind SendGrid's Event Webhook: checks the ECDSA signature over timestamp + body with the SendGrid
/// SDK's <see cref="RequestValidator"/> and that the signed timestamp is fresh (a replayed request is refused), records delivered / bounce / dropped / deferred events against their reminder
/// once each (by sg_event_id), and when a check-in email to a ticketholder bounces or is dropped, tells the EN's
/// staff that the address needs attention.
/// </summary>
public sealed class SendGridEventWebhook
{
    private readonly SendGridOptions _options;
    private readonly IEmailDeliveryLog _log;
    private readonly IAddressProblemNotifier _notifier;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RequestValidator _validator = new();
    private readonly PublicKey? _verificationKey;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">Email options (SendGrid:WebhookVerificationKey and WebhookMaxAge).</param>
    /// <param name="log">Where events are recorded.</param>
    /// <param name="notifier">Who tells staff about a bad address.</param>
    /// <param name="time">The clock for the freshness check.</param>
    /// <param name="logger">The logger.</param>
    public SendGridEventWebhook(IOptions<EmailOptions> options, IEmailDeliveryLog log, IAddressProblemNotifier notifier, TimeProvider time, ILogger<SendGridEventWebhook> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.SendGrid;
        _log = log;
        _notifier = notifier;
        _time = time;
        _logger = logger;
        _verificationKey = string.IsNullOrWhiteSpace(_options.WebhookVerificationKey) ? null : _validator.ConvertPublicKeyToECDSA(_options.WebhookVerificationKey);
    }

    /// <summary>Handles one webhook request.</summary>
    /// <param name="signature">The X-Twilio-Email-Event-Webhook-Signature header.</param>
    /// <param name="timestamp">The X-Twilio-Email-Event-Webhook-Timestamp header.</param>
    /// <param name="body">The raw body.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>Accepted with counts, or refused with the reason.</returns>
    public async Task<SendGridWebhookResult> HandleAsync(string? signature, string? timestamp, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        var refusal = Check(signature, timestamp, body.Span);
        if (refusal is not null)
        {
            EmailLogs.WebhookRefused(_logger, refusal);
            return SendGridWebhookResult.Refused(refusal);
        }

        List<EmailDeliveryEvent> events;
        int ignored;
        try
        {
            (events, ignored) = Parse(body);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            EmailLogs.WebhookRefused(_logger, "unreadable body: " + e.Message);
            return SendGridWebhookResult.Refused("The body is not a SendGrid event array.");
        }

        int recorded = 0, duplicates = 0;
        foreach (var deliveryEvent in events)
        {
            if (await _log.ContainsAsync(deliveryEvent.EventId, cancellationToken).ConfigureAwait(false))
            {
                duplicates++;
                continue;
            }

            // Staff are told before the event is recorded: if telling them fails, SendGrid retries the request and
            // the notification is attempted again (the notifier is idempotent per event id).
            if (deliveryEvent.TemplateId == EmailTemplateId.CheckIn
                && deliveryEvent.Kind is EmailDeliveryEventKind.Bounce or EmailDeliveryEventKind.Dropped)
            {
                EmailLogs.AddressProblem(_logger, deliveryEvent.Kind.ToString(), deliveryEvent.ReminderId, deliveryEvent.TicketId);
                await _notifier.NotifyAddressNeedsAttentionAsync(deliveryEvent, cancellationToken).ConfigureAwait(false);
            }

            if (await _log.TryRecordAsync(deliveryEvent, cancellationToken).ConfigureAwait(false))
            {
                recorded++;
            }
            else
            {
                duplicates++;
            }
        }

        EmailLogs.WebhookProcessed(_logger, recorded, duplicates, ignored);
        return new SendGridWebhookResult(true, null, recorded, duplicates, ignored);
    }

    private string? Check(string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_verificationKey is null)
        {
            return "Email:SendGrid:WebhookVerificationKey is not configured; unsigned events are not accepted.";
        }

        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return "The signature or timestamp header is missing.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "The timestamp header is not a Unix time.";
        }

        var age = _time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > _options.WebhookMaxAge)
        {
            return $"The signed timestamp is {age.TotalSeconds:0} s old; at most {_options.WebhookMaxAge.TotalSeconds:0} s is accepted.";
        }

        return Verify(_verificationKey, timestamp, body, signature) ? null : "The signature does not match.";
    }

    private bool Verify(PublicKey key, string timestamp, ReadOnlySpan<byte> body, string signature)
    {
        // SendGrid signs the body's bytes; the SDK takes the body as a string and hashes timestamp + body in UTF-8,
        // which gives the same bytes back for any UTF-8 body (one that is not UTF-8 cannot match, and is refused).
        var payload = Encoding.UTF8.GetString(body);
        try
        {
            return _validator.VerifySignature(key, payload, signature, timestamp);
        }
#pragma warning disable CA1031 // The signature is untrusted input and the ECDSA library documents no exception set: anything it throws means "not a valid signature".
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static (List<EmailDeliveryEvent> Events, int Ignored) Parse(ReadOnlyMemory<byte> body)
    {
        using var doc = JsonDocument.Parse(body);
        var events = new List<EmailDeliveryEvent>();
        var ignored = 0;
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var kind = Str(item, "event") switch
            {
                "delivered" => EmailDeliveryEventKind.Delivered,
                "bounce" => EmailDeliveryEventKind.Bounce,
                "dropped" => EmailDeliveryEventKind.Dropped,
                "deferred" => EmailDeliveryEventKind.Deferred,
                _ => (EmailDeliveryEventKind?)null,
            };
            var eventId = Str(item, "sg_event_id");
            if (kind is null || eventId is null)
            {
                ignored++;
                continue;
            }

            events.Add(new EmailDeliveryEvent(
                eventId,
                kind.Value,
                Str(item, "email") ?? string.Empty,
                item.TryGetProperty("timestamp", out var ts) && ts.TryGetInt64(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.UnixEpoch)
            {
                TicketId = Str(item, SendGridCustomArgs.TicketId),
                ReminderId = Str(item, SendGridCustomArgs.ReminderId),
                EmploymentNetworkId = Str(item, SendGridCustomArgs.EmploymentNetworkId),
                TemplateId = Enum.TryParse<EmailTemplateId>(Str(item, SendGridCustomArgs.Template), out var template) ? template : null,
                Reason = Str(item, "reason") ?? Str(item, "response"),
                ProviderMessageId = Str(item, "sg_message_id"),
            });
        }

        return (events, ignored);
    }

    private static string? Str(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

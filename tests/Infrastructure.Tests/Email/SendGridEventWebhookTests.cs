using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Email;

public sealed class SendGridEventWebhookTests : IDisposable
{
    private static readonly DateTimeOffset Now = SendGridEvents.Now;
    private readonly ECDsa _sendGridKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly VirtualTimeProvider _time = new(Now);
    private readonly InMemoryEmailDeliveryLog _log = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly SendGridEventWebhook _webhook;

    public SendGridEventWebhookTests()
    {
        var options = new EmailOptions
        {
            SendGrid = new SendGridOptions
            {
                WebhookVerificationKey = Convert.ToBase64String(_sendGridKey.ExportSubjectPublicKeyInfo()),
                WebhookMaxAge = TimeSpan.FromMinutes(5),
            },
        };
        _webhook = new SendGridEventWebhook(Options.Create(options), _log, _notifier, _time, NullLogger<SendGridEventWebhook>.Instance);
    }

    public void Dispose() => _sendGridKey.Dispose();

    private sealed class RecordingNotifier : IAddressProblemNotifier
    {
        public List<EmailDeliveryEvent> Notified { get; } = [];

        public Task NotifyAddressNeedsAttentionAsync(EmailDeliveryEvent failedEmail, CancellationToken cancellationToken = default)
        {
            Notified.Add(failedEmail);
            return Task.CompletedTask;
        }
    }

    private (string Signature, string Timestamp, byte[] Body) Signed(JsonArray events, DateTimeOffset? at = null, ECDsa? key = null)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = Encoding.UTF8.GetBytes(events.ToJsonString());
        var payload = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        var signature = (key ?? _sendGridKey).SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp, body);
    }

    [Fact]
    public async Task A_signed_batch_is_recorded_against_its_reminder_and_untracked_kinds_are_ignored()
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("e1", "delivered"), SendGridEvents.Event("e2", "deferred"), SendGridEvents.Event("e3", "open"), SendGridEvents.Event("e4", "dropped")]);

        var result = await _webhook.HandleAsync(signature, timestamp, body);

        Assert.True(result.Accepted);
        Assert.Equal((3, 0, 1), (result.Recorded, result.Duplicates, result.Ignored));
        var recorded = await _log.GetForReminderAsync("R1");
        Assert.Equal([EmailDeliveryEventKind.Delivered, EmailDeliveryEventKind.Dropped, EmailDeliveryEventKind.Deferred], recorded.Select(e => e.Kind).Order());
        Assert.All(recorded, e => Assert.Equal(("T-42", "EN-7", EmailTemplateId.ContactAttemptDue), (e.TicketId, e.EmploymentNetworkId, e.TemplateId)));
        Assert.Empty(_notifier.Notified);
    }

    [Fact]
    public async Task A_redelivered_event_is_recorded_once()
    {
        var first = Signed([SendGridEvents.Event("e1", "delivered")]);
        var second = Signed([SendGridEvents.Event("e1", "delivered"), SendGridEvents.Event("e2", "delivered")]);

        await _webhook.HandleAsync(first.Signature, first.Timestamp, first.Body);
        var result = await _webhook.HandleAsync(second.Signature, second.Timestamp, second.Body);

        Assert.Equal((1, 1), (result.Recorded, result.Duplicates));
        Assert.Equal(2, (await _log.GetForReminderAsync("R1")).Count);
    }

    [Fact]
    public async Task A_bounced_check_in_tells_staff_once_even_if_the_event_arrives_twice()
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("b1", "bounce", template: "CheckIn")]);

        await _webhook.HandleAsync(signature, timestamp, body);
        await _webhook.HandleAsync(signature, timestamp, body);

        var notified = Assert.Single(_notifier.Notified);
        Assert.Equal(("T-42", "alex@example.net", EmailDeliveryEventKind.Bounce), (notified.TicketId, notified.Recipient, notified.Kind));
        Assert.Contains("mailbox does not exist", notified.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bounced_staff_reminder_does_not_raise_an_address_alert()
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("b2", "bounce", template: "ContactAttemptDue")]);

        await _webhook.HandleAsync(signature, timestamp, body);

        Assert.Empty(_notifier.Notified);
        Assert.Single(await _log.GetForReminderAsync("R1"));
    }

    [Fact]
    public async Task A_signature_from_another_key_is_refused_and_nothing_is_recorded()
    {
        using var attacker = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("x1", "bounce", template: "CheckIn")], key: attacker);

        var result = await _webhook.HandleAsync(signature, timestamp, body);

        Assert.False(result.Accepted);
        Assert.Contains("signature does not match", result.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(await _log.GetForReminderAsync("R1"));
        Assert.Empty(_notifier.Notified);
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_refused()
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("x2", "delivered")]);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("R1", "R2", StringComparison.Ordinal));

        var result = await _webhook.HandleAsync(signature, timestamp, tampered);

        Assert.False(result.Accepted);
    }

    [Theory]
    [InlineData(-6)]   // replayed: signed six minutes ago
    [InlineData(6)]    // from the future
    public async Task A_stale_or_future_timestamp_is_refused_even_with_a_valid_signature(int minutes)
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("s1", "delivered")], at: Now.AddMinutes(minutes));

        var result = await _webhook.HandleAsync(signature, timestamp, body);

        Assert.False(result.Accepted);
        Assert.Contains("at most 300 s", result.RejectionReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timestamp_within_the_window_is_accepted()
    {
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("s2", "delivered")], at: Now.AddMinutes(-4));

        Assert.True((await _webhook.HandleAsync(signature, timestamp, body)).Accepted);
    }

    [Theory]
    [InlineData(null, "1772463600")]
    [InlineData("c2ln", null)]
    [InlineData("not base64!", "1772463600")]
    public async Task Missing_or_malformed_headers_are_refused(string? signature, string? timestamp)
    {
        var result = await _webhook.HandleAsync(signature, timestamp, "[]"u8.ToArray());

        Assert.False(result.Accepted);
    }

    [Fact]
    public async Task Without_a_verification_key_even_a_signed_request_is_refused()
    {
        var unconfigured = new SendGridEventWebhook(Options.Create(new EmailOptions()), _log, _notifier, _time, NullLogger<SendGridEventWebhook>.Instance);
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("u1", "delivered")]);

        var result = await unconfigured.HandleAsync(signature, timestamp, body);

        Assert.False(result.Accepted);
        Assert.Contains("WebhookVerificationKey is not configured", result.RejectionReason, StringComparison.Ordinal);
        Assert.Empty(await _log.GetForReminderAsync("R1"));
    }

    [Fact]
    public async Task The_verification_key_may_be_given_as_pem()
    {
        var pem = new SendGridEventWebhook(
            Options.Create(new EmailOptions { SendGrid = new SendGridOptions { WebhookVerificationKey = _sendGridKey.ExportSubjectPublicKeyInfoPem() } }),
            _log, _notifier, _time, NullLogger<SendGridEventWebhook>.Instance);
        var (signature, timestamp, body) = Signed([SendGridEvents.Event("p1", "delivered")]);

        Assert.True((await pem.HandleAsync(signature, timestamp, body)).Accepted);
    }

    [Fact]
    public async Task A_signature_over_another_timestamp_is_refused()
    {
        var (signature, _, body) = Signed([SendGridEvents.Event("t1", "delivered")], at: Now.AddMinutes(-1));

        var result = await _webhook.HandleAsync(signature, Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), body);

        Assert.False(result.Accepted);
        Assert.Contains("signature does not match", result.RejectionReason, StringComparison.Ordinal);
    }
}

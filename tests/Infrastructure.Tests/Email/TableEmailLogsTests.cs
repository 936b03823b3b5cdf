using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using Azure.Data.Tables;
using TicketFlow.Infrastructure.Storage.Tables;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Email;

[Collection(AzuriteCollection.Name)]
public sealed class TableEmailLogsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private SendGridStandIn _sendGrid = null!;

    public async Task InitializeAsync() => _sendGrid = await SendGridStandIn.StartAsync();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    private SendGridEmailSender Sender(ISentEmailLog log) => new(
        new HttpClient(),
        Options.Create(new EmailOptions { FromAddress = "reminders@en.example.org", SendGrid = new SendGridOptions { ApiKey = SendGridStandIn.ApiKey, BaseUrl = _sendGrid.BaseUrl } }),
        new PlainLanguageEmailTemplates(),
        log,
        TimeProvider.System,
        NullLogger<SendGridEmailSender>.Instance);

    [Fact]
    public async Task A_reminder_sent_before_a_restart_is_not_sent_again_after_it()
    {
        var tableName = AzuriteFixture.UniqueName("sent");
        var before = Sender(new TableSentEmailLog(azurite.CreateTableServiceClient().GetTableClient(tableName)));
        var after = Sender(new TableSentEmailLog(azurite.CreateTableServiceClient().GetTableClient(tableName)));

        var first = await before.SendAsync(SendGridEmailSenderTests.Reminder());
        var second = await after.SendAsync(SendGridEmailSenderTests.Reminder());

        Assert.Equal(1, _sendGrid.RequestCount);
        Assert.True(Assert.Single(second.Recipients).AlreadySent);
        Assert.Equal(first.Recipients[0].ProviderMessageId, second.Recipients[0].ProviderMessageId);
    }

    [Fact]
    public async Task The_sent_log_keeps_no_recipient_address_at_rest_and_gives_it_back_from_the_key()
    {
        var table = azurite.CreateTableServiceClient().GetTableClient(AzuriteFixture.UniqueName("sent"));
        var log = new TableSentEmailLog(table);

        await Sender(log).SendAsync(SendGridEmailSenderTests.Reminder(to: ["pat.lee@mail.example"]));

        var stored = Assert.Single(await table.QueryAsync<TableEntity>().ToListAsync());
        Assert.DoesNotContain(stored.Select(p => p.Value), v => v?.ToString()?.Contains("pat.lee", StringComparison.OrdinalIgnoreCase) == true);
        Assert.DoesNotContain("pat.lee", stored.PartitionKey + stored.RowKey, StringComparison.OrdinalIgnoreCase);
        var found = await log.FindAsync("reminder-R1|2026-03-16|pat.lee@mail.example");
        Assert.Equal("pat.lee@mail.example", found!.Recipient);
    }

    [Fact]
    public async Task Delivery_events_are_recorded_once_and_read_back_per_reminder_in_time_order()
    {
        var log = new TableEmailDeliveryLog(azurite.CreateTableServiceClient().GetTableClient(AzuriteFixture.UniqueName("ev")));
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var deferred = new EmailDeliveryEvent("e/1#?", EmailDeliveryEventKind.Deferred, "alex@example.net", t0) { ReminderId = "R1", TicketId = "T-42", TemplateId = EmailTemplateId.CheckIn, Reason = "421 try later" };
        var delivered = new EmailDeliveryEvent("e2", EmailDeliveryEventKind.Delivered, "alex@example.net", t0.AddMinutes(10)) { ReminderId = "R1" };
        var other = new EmailDeliveryEvent("e3", EmailDeliveryEventKind.Bounce, "x@example.net", t0) { ReminderId = "R2" };

        Assert.True(await log.TryRecordAsync(delivered));
        Assert.True(await log.TryRecordAsync(deferred));
        Assert.True(await log.TryRecordAsync(other));
        Assert.False(await log.TryRecordAsync(deferred));
        var events = await log.GetForReminderAsync("R1");

        Assert.True(await log.ContainsAsync("e/1#?"));
        Assert.False(await log.ContainsAsync("e9"));
        Assert.Equal(["e/1#?", "e2"], events.Select(e => e.EventId));
        Assert.Equal(deferred, events[0]);
    }

    [Fact]
    public async Task A_bounced_check_in_emails_the_staff_inbox_once()
    {
        var staffSender = new RecordingSender();
        var notifier = new StaffEmailAddressProblemNotifier(
            staffSender,
            Options.Create(new EmailOptions { StaffAlertAddress = "staff@en.example.org", EmploymentNetworkName = "Bright Futures EN" }),
            NullLogger<StaffEmailAddressProblemNotifier>.Instance);
        var bounce = new EmailDeliveryEvent("b1", EmailDeliveryEventKind.Bounce, "alex@example.net", DateTimeOffset.UnixEpoch) { TicketId = "T-42", ReminderId = "R1", Reason = "550 no such user" };

        await notifier.NotifyAddressNeedsAttentionAsync(bounce);

        var sent = Assert.Single(staffSender.Messages);
        Assert.Equal(EmailTemplateId.AddressNeedsAttention, sent.TemplateId);
        Assert.Equal("staff@en.example.org", Assert.Single(sent.To).Address);
        Assert.Equal("address-problem|b1", sent.IdempotencyKey);
        Assert.Contains("alex@example.net bounced: 550 no such user", sent.Model.Details, StringComparison.Ordinal);
        Assert.Equal("T-42", sent.TicketId);
    }

    private sealed class RecordingSender : IEmailSender
    {
        public List<EmailMessage> Messages { get; } = [];

        public Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
        {
            Messages.Add(message);
            return Task.FromResult(new EmailSendResult(message.To.Select(t => new EmailRecipientResult(t, false, "id")).ToList()));
        }
    }
}

using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Email;

public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private SendGridStandIn _sendGrid = null!;
    private readonly VirtualTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)) { AutoAdvance = true };
    private readonly InMemorySentEmailLog _sentLog = new();
    private readonly ListLogger<SendGridEmailSender> _logger = new();

    public async Task InitializeAsync() => _sendGrid = await SendGridStandIn.StartAsync();

    public async Task DisposeAsync() => await _sendGrid.DisposeAsync();

    private SendGridEmailSender Sender(string apiKey = SendGridStandIn.ApiKey, int maxRetries = 3, ISentEmailLog? log = null) => new(
        new HttpClient(),
        Options.Create(new EmailOptions
        {
            Provider = EmailProvider.SendGrid,
            FromAddress = "reminders@en.example.org",
            FromName = "Bright Futures EN",
            ReplyToAddress = "staff@en.example.org",
            SendGrid = new SendGridOptions { ApiKey = apiKey, BaseUrl = _sendGrid.BaseUrl, MaxRetryAttempts = maxRetries },
        }),
        new PlainLanguageEmailTemplates(),
        log ?? _sentLog,
        _time,
        _logger);

    internal static EmailMessage Reminder(string key = "reminder-R1|2026-03-16", params string[] to) => new(
        key,
        (to.Length == 0 ? ["case.manager@en.example.org"] : to).Select(a => new EmailAddress(a, "Case Manager")).ToList(),
        EmailTemplateId.ContactAttemptDue,
        new EmailTemplateModel("Sam", "Bright Futures EN") { TicketholderName = "Alex Rivera", TicketId = "T-42", DueDate = new DateOnly(2026, 3, 16) })
    {
        TicketId = "T-42",
        ReminderId = "R1",
        EmploymentNetworkId = "EN-7",
        Categories = ["contact"],
    };

    [Fact]
    public async Task Sends_one_message_per_recipient_with_content_categories_and_custom_args()
    {
        var result = await Sender().SendAsync(Reminder(to: ["a@en.example.org", "b@en.example.org"]));

        Assert.Equal(2, _sendGrid.Accepted.Count);
        Assert.All(result.Recipients, r => Assert.False(r.AlreadySent));
        Assert.All(result.Recipients, r => Assert.False(string.IsNullOrEmpty(r.ProviderMessageId)));
        Assert.Equal(2, result.Recipients.Select(r => r.ProviderMessageId).Distinct().Count());
        var first = _sendGrid.Accepted[0];
        var to = Assert.Single(first["personalizations"]!.AsArray());
        Assert.Equal("a@en.example.org", (string?)Assert.Single(to!["to"]!.AsArray())!["email"]);
        Assert.Equal("b@en.example.org", (string?)_sendGrid.Accepted[1]["personalizations"]![0]!["to"]![0]!["email"]);
        Assert.Equal("reminders@en.example.org", (string?)first["from"]!["email"]);
        Assert.Equal("staff@en.example.org", (string?)first["reply_to"]!["email"]);
        Assert.Equal(["text/plain", "text/html"], first["content"]!.AsArray().Select(c => (string?)c!["type"]));
        Assert.Contains("Monday, March 16, 2026", (string?)first["content"]![0]!["value"], StringComparison.Ordinal);
        Assert.Equal(["ticketflow", "template-contactattemptdue", "contact"], first["categories"]!.AsArray().Select(c => (string?)c));
        var args = first["custom_args"]!.AsObject();
        Assert.Equal("T-42", (string?)args["ticket_id"]);
        Assert.Equal("R1", (string?)args["reminder_id"]);
        Assert.Equal("EN-7", (string?)args["en_id"]);
        Assert.Equal("ContactAttemptDue", (string?)args["template"]);
        Assert.Equal("reminder-R1|2026-03-16|a@en.example.org", (string?)args["ticketflow_send_key"]);
        Assert.Equal("Bright Futures EN", (string?)first["from"]!["name"]);
    }

    [Fact]
    public async Task A_retried_activity_sends_only_to_the_recipients_it_had_not_reached()
    {
        _sendGrid.FailFor("b@en.example.org", 503);
        var failed = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(maxRetries: 1).SendAsync(Reminder(to: ["a@en.example.org", "b@en.example.org"])));
        _sendGrid.Recover();

        // The durable activity retries the whole message with the same idempotency key.
        var retried = await Sender().SendAsync(Reminder(to: ["a@en.example.org", "b@en.example.org"]));

        Assert.True(failed.IsRetryable);
        Assert.Equal(503, failed.StatusCode);
        Assert.Equal(["a@en.example.org", "b@en.example.org"], _sendGrid.AcceptedRecipients);
        Assert.Equal([true, false], retried.Recipients.Select(r => r.AlreadySent));
    }

    [Fact]
    public async Task Rate_limiting_that_outlasts_the_retries_is_reported_as_retryable_and_records_nothing()
    {
        for (var i = 0; i < 3; i++)
        {
            _sendGrid.Fail(429, retryAfterSeconds: 2);
        }

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(maxRetries: 2).SendAsync(Reminder()));

        Assert.True(e.IsRetryable);
        Assert.Equal(429, e.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], _time.Waits);
        Assert.Equal(3, _sendGrid.RequestCount);
        Assert.Null(await _sentLog.FindAsync("reminder-R1|2026-03-16|case.manager@en.example.org"));
    }

    [Fact]
    public async Task Sending_the_same_reminder_again_does_not_send_it_twice()
    {
        var sender = Sender();

        await sender.SendAsync(Reminder());
        var again = await sender.SendAsync(Reminder());

        Assert.Equal(1, _sendGrid.RequestCount);
        Assert.True(Assert.Single(again.Recipients).AlreadySent);
    }

    [Fact]
    public async Task A_new_recipient_of_an_already_sent_reminder_still_gets_it()
    {
        var sender = Sender();
        await sender.SendAsync(Reminder(to: ["a@en.example.org"]));

        var result = await sender.SendAsync(Reminder(to: ["a@en.example.org", "c@en.example.org"]));

        Assert.Equal([true, false], result.Recipients.Select(r => r.AlreadySent));
        Assert.Equal(2, _sendGrid.Accepted.Count);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_retry_after_it_asked_for()
    {
        _sendGrid.Fail(429, retryAfterSeconds: 7);

        var result = await Sender().SendAsync(Reminder());

        Assert.Equal([TimeSpan.FromSeconds(7)], _time.Waits);
        Assert.Equal(2, _sendGrid.RequestCount);
        Assert.False(Assert.Single(result.Recipients).AlreadySent);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_growing_back_off_until_accepted()
    {
        _sendGrid.Fail(500);
        _sendGrid.Fail(503);

        await Sender().SendAsync(Reminder());

        Assert.Equal(3, _sendGrid.RequestCount);
        Assert.Single(_sendGrid.Accepted);
        Assert.Equal(2, _time.Waits.Count);
        Assert.All(_time.Waits, w => Assert.True(w > TimeSpan.Zero));
    }

    [Fact]
    public async Task Persistent_server_errors_give_up_as_retryable_and_record_nothing()
    {
        for (var i = 0; i < 4; i++)
        {
            _sendGrid.Fail(502);
        }

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(maxRetries: 3).SendAsync(Reminder()));

        Assert.True(e.IsRetryable);
        Assert.Equal(502, e.StatusCode);
        Assert.Equal(4, _sendGrid.RequestCount);
        Assert.Null(await _sentLog.FindAsync("reminder-R1|2026-03-16|case.manager@en.example.org"));

        // A later retry of the activity sends it.
        await Sender().SendAsync(Reminder());
        Assert.Single(_sendGrid.Accepted);
    }

    [Theory]
    [InlineData(400, "invalid (400)")]
    [InlineData(413, "too large (413")]
    [InlineData(403, "(403)")]
    public async Task Client_errors_are_refused_at_once_as_not_retryable(int status, string expected)
    {
        _sendGrid.Fail(status, errorMessage: "The from address does not match a verified Sender Identity.");

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Reminder()));

        Assert.False(e.IsRetryable);
        Assert.Equal(status, e.StatusCode);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sendGrid.RequestCount);
        Assert.Empty(_time.Waits);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_clear_401_that_never_shows_the_key()
    {
        const string wrongKey = "SG.wrong-key-that-must-not-leak";

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender(apiKey: wrongKey).SendAsync(Reminder()));

        Assert.False(e.IsRetryable);
        Assert.Equal(401, e.StatusCode);
        Assert.Contains("Email:SendGrid:ApiKey", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongKey, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logger.Lines, l => l.Contains(wrongKey, StringComparison.Ordinal));
        Assert.NotEmpty(_logger.Lines);
    }

    [Fact]
    public async Task The_api_key_is_never_logged_on_success_or_retry()
    {
        _sendGrid.Fail(429, retryAfterSeconds: 1);

        await Sender().SendAsync(Reminder());

        Assert.NotEmpty(_logger.Lines);
        Assert.DoesNotContain(_logger.Lines, l => l.Contains(SendGridStandIn.ApiKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_stand_in_refuses_what_SendGrid_refuses()
    {
        using var http = new HttpClient();
        var body = new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject { ["to"] = new JsonArray() }),
            ["from"] = new JsonObject { ["email"] = "not-an-address" },
            ["subject"] = "x",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text/html", ["value"] = "<p>x</p>" }, new JsonObject { ["type"] = "text/plain", ["value"] = "x" }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_sendGrid.BaseUrl, "v3/mail/send"))
        {
            Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", SendGridStandIn.ApiKey);

        using var response = await http.SendAsync(request);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToList();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("personalizations.0.to", errors);
        Assert.Contains("from.email", errors);
        Assert.Contains("content", errors);
    }

    [Fact]
    public async Task An_unreachable_sendgrid_is_retried_then_reported_as_retryable()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop(); // nothing listens there now
        var sender = new SendGridEmailSender(
            new HttpClient(),
            Options.Create(new EmailOptions { SendGrid = new SendGridOptions { ApiKey = SendGridStandIn.ApiKey, BaseUrl = new Uri($"http://127.0.0.1:{port}/"), MaxRetryAttempts = 2 } }),
            new PlainLanguageEmailTemplates(),
            _sentLog,
            _time,
            _logger);

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => sender.SendAsync(Reminder()));

        Assert.True(e.IsRetryable);
        Assert.Null(e.StatusCode);
        Assert.Equal(2, _time.Waits.Count);
    }

    [Fact]
    public async Task An_oversized_message_gets_413_from_the_stand_in_and_is_not_retried()
    {
        _sendGrid.MaxBodyBytes = 1_000;

        var e = await Assert.ThrowsAsync<EmailDeliveryException>(() => Sender().SendAsync(Reminder()));

        Assert.Equal(413, e.StatusCode);
        Assert.False(e.IsRetryable);
        Assert.Equal(1, _sendGrid.RequestCount);
    }
}

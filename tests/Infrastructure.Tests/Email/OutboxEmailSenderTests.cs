using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketFlow.Infrastructure.Email;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Email;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ticketflow-outbox-" + Guid.NewGuid().ToString("N"));
    private readonly VirtualTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private OutboxEmailSender Sender() => new(
        Options.Create(new EmailOptions { OutboxFolder = _folder, FromAddress = "reminders@en.example.org", FromName = "Bright Futures EN" }),
        new PlainLanguageEmailTemplates(),
        _time,
        NullLogger<OutboxEmailSender>.Instance);

    private static string DecodePart(string eml, string contentType)
    {
        var start = eml.IndexOf("Content-Type: " + contentType, StringComparison.Ordinal);
        var bodyStart = eml.IndexOf("\r\n\r\n", start, StringComparison.Ordinal) + 4;
        var bodyEnd = eml.IndexOf("--", bodyStart, StringComparison.Ordinal);
        return Encoding.UTF8.GetString(Convert.FromBase64String(eml[bodyStart..bodyEnd].Replace("\r\n", string.Empty, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Each_recipient_gets_an_eml_file_with_plain_text_first_and_html()
    {
        var result = await Sender().SendAsync(SendGridEmailSenderTests.Reminder(to: ["a@en.example.org", "b@en.example.org"]));

        var files = Directory.GetFiles(_folder, "*.eml").Order().ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(result.Recipients.Select(r => r.ProviderMessageId).Order(), files.Select(Path.GetFileName).Order());
        var eml = await File.ReadAllTextAsync(files[0]);
        Assert.StartsWith("Date: Mon, 02 Mar 2026 09:30:00 +0000\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\nFrom: \"Bright Futures EN\" <reminders@en.example.org>\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\nSubject: Contact attempt due by Monday, March 16, 2026: ticket T-42\r\n", eml, StringComparison.Ordinal);
        Assert.Contains("\r\nX-TicketFlow-Reminder-Id: R1\r\n", eml, StringComparison.Ordinal);
        Assert.True(eml.IndexOf("text/plain", StringComparison.Ordinal) < eml.IndexOf("text/html", StringComparison.Ordinal));
        Assert.Contains("Record the attempt in TicketFlow", DecodePart(eml, "text/plain"), StringComparison.Ordinal);
        Assert.Contains("<h1>Contact attempt due by Monday, March 16, 2026: ticket T-42", DecodePart(eml, "text/html"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
    }

    [Fact]
    public async Task The_same_reminder_is_written_once()
    {
        var sender = Sender();

        await sender.SendAsync(SendGridEmailSenderTests.Reminder());
        _time.Advance(TimeSpan.FromMinutes(5));
        var again = await sender.SendAsync(SendGridEmailSenderTests.Reminder());

        Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        Assert.True(Assert.Single(again.Recipients).AlreadySent);
    }

    [Fact]
    public async Task Names_with_line_breaks_cannot_add_headers()
    {
        var message = new EmailMessage(
            "k1",
            [new EmailAddress("a@en.example.org", "Eve\r\nBcc: victim@example.com")],
            EmailTemplateId.CheckIn,
            new EmailTemplateModel("José\r\nBcc: victim@example.com", "EN"));

        await Sender().SendAsync(message);

        var eml = await File.ReadAllTextAsync(Directory.GetFiles(_folder, "*.eml").Single());
        var headers = eml[..eml.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.DoesNotContain("\r\nBcc:", headers, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// The embedded default <see cref="IEmailSender"/>: writes each message as an .eml file under the outbox folder,
/// so a new user sees every reminder without an email account. File names are
/// {time}-{template}-{hash of key and recipient}.eml; a (key, recipient) whose file exists is not written again.
/// Files are written to a temporary name and moved into place, so a reader never sees half a message.
/// </summary>
public sealed class OutboxEmailSender(IOptions<EmailOptions> options, IEmailTemplateRenderer renderer, TimeProvider time, ILogger<OutboxEmailSender> logger)
    : IEmailSender
{
    private readonly EmailOptions _options = options.Value;

    /// <summary>The folder the .eml files are written to.</summary>
    public string Folder => Path.GetFullPath(_options.OutboxFolder);

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(message));
        }

        Directory.CreateDirectory(Folder);
        var rendered = renderer.Render(message.TemplateId, message.Model);
        var results = new List<EmailRecipientResult>();
        foreach (var recipient in message.To.DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase))
        {
            var sendKey = EmailSendKey.For(message.IdempotencyKey, recipient);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sendKey)))[..24];
            var existing = Directory.EnumerateFiles(Folder, $"*-{hash}.eml").FirstOrDefault();
            if (existing is not null)
            {
                EmailLogs.AlreadySent(logger, message.TemplateId.ToString(), message.ReminderId);
                results.Add(new EmailRecipientResult(recipient, AlreadySent: true, Path.GetFileName(existing)));
                continue;
            }

            var now = time.GetUtcNow();
            var headers = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["X-TicketFlow-Send-Key"] = sendKey,
                ["X-TicketFlow-Template"] = message.TemplateId.ToString(),
            };
            if (message.TicketId is not null)
            {
                headers["X-TicketFlow-Ticket-Id"] = message.TicketId;
            }

            if (message.ReminderId is not null)
            {
                headers["X-TicketFlow-Reminder-Id"] = message.ReminderId;
            }

            var eml = MimeMessageWriter.Write(
                new EmailAddress(_options.FromAddress, _options.FromName),
                recipient,
                _options.ReplyToAddress is null ? null : new EmailAddress(_options.ReplyToAddress),
                rendered,
                now,
                hash + "@ticketflow.outbox",
                headers);
            var fileName = string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd'T'HHmmss'Z'}-{message.TemplateId}-{hash}.eml");
            var path = Path.Combine(Folder, fileName);
            var temp = path + ".tmp";
            await File.WriteAllTextAsync(temp, eml, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temp, path, overwrite: false);
            EmailLogs.WrittenToOutbox(logger, message.TemplateId.ToString(), path);
            results.Add(new EmailRecipientResult(recipient, AlreadySent: false, fileName));
        }

        return new EmailSendResult(results);
    }
}

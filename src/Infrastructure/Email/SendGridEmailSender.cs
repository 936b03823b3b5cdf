using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SendGrid;
using SendGrid.Helpers.Mail;
using TicketFlow.Workflow.Notifications;
using EmailAddress = TicketFlow.Workflow.Notifications.EmailAddress;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// <see cref="IEmailSender"/> on SendGrid's official client (<see cref="SendGridClient"/>, v3 Mail Send). One message
/// per recipient; 202 is success. 429 (after Retry-After) and 5xx or network failures are retried with Polly; 400,
/// 401, 403 and 413 are refused at once as non-retryable. A (key, recipient) pair already in the
/// <see cref="ISentEmailLog"/> is not sent again, so a retried activity never sends what it already sent.
/// </summary>
/// <remarks>
/// SendGrid has no idempotency header, so the guarantee is: never sent twice once recorded. If the process dies
/// between SendGrid's 202 and the record, a retry sends once more; recording before sending would instead risk
/// never sending a deadline reminder, which is worse.
/// </remarks>
public sealed class SendGridEmailSender : IEmailSender
{
    /// <summary>SendGrid allows at most 10 categories per message.</summary>
    private const int MaxCategories = 10;

    /// <summary>SendGrid allows categories of at most 255 characters.</summary>
    private const int MaxCategoryLength = 255;

    private readonly SendGridClient _client;
    private readonly EmailOptions _options;
    private readonly IEmailTemplateRenderer _renderer;
    private readonly ISentEmailLog _sentLog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Response> _retry;

    /// <summary>Creates the sender.</summary>
    /// <param name="http">
    /// The HttpClient the SendGrid client sends with (from IHttpClientFactory in the host). Because it is given, the
    /// SDK adds no retry handler of its own (its ReliabilitySettings would not retry 429 anyway); every retry is the
    /// Polly pipeline's, so one attempt is never retried twice over.
    /// </param>
    /// <param name="options">Email options; SendGrid:ApiKey must be set.</param>
    /// <param name="renderer">The templates.</param>
    /// <param name="sentLog">The record of sent keys.</param>
    /// <param name="time">The clock (Retry-After dates, back-off waits).</param>
    /// <param name="logger">The logger.</param>
    public SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, IEmailTemplateRenderer renderer, ISentEmailLog sentLog, TimeProvider time, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        if (string.IsNullOrWhiteSpace(_options.SendGrid.ApiKey))
        {
            throw new ArgumentException("Email:SendGrid:ApiKey is required for the SendGrid sender.", nameof(options));
        }

        _client = new SendGridClient(http, new SendGridClientOptions { ApiKey = _options.SendGrid.ApiKey, Host = _options.SendGrid.BaseUrl.ToString() });
        _renderer = renderer;
        _sentLog = sentLog;
        _time = time;
        _logger = logger;
        _retry = BuildRetry(_options.SendGrid, time, logger);
    }

    /// <inheritdoc />
    public async Task<EmailSendResult> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(message.IdempotencyKey);
        if (message.To.Count == 0)
        {
            throw new ArgumentException("An email needs at least one recipient.", nameof(message));
        }

        var rendered = _renderer.Render(message.TemplateId, message.Model);
        var results = new List<EmailRecipientResult>();
        foreach (var recipient in message.To.DistinctBy(r => r.Address, StringComparer.OrdinalIgnoreCase))
        {
            results.Add(await SendOneAsync(message, recipient, rendered, cancellationToken).ConfigureAwait(false));
        }

        return new EmailSendResult(results);
    }

    private async Task<EmailRecipientResult> SendOneAsync(EmailMessage message, EmailAddress recipient, RenderedEmail rendered, CancellationToken cancellationToken)
    {
        var sendKey = EmailSendKey.For(message.IdempotencyKey, recipient);
        if (await _sentLog.FindAsync(sendKey, cancellationToken).ConfigureAwait(false) is { } prior)
        {
            EmailLogs.AlreadySent(_logger, message.TemplateId.ToString(), message.ReminderId);
            return new EmailRecipientResult(recipient, AlreadySent: true, prior.ProviderMessageId);
        }

        var mail = Compose(message, recipient, rendered, sendKey);
        Response response;
        try
        {
            response = await _retry.ExecuteAsync(
                async ct => await _client.SendEmailAsync(mail, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new EmailDeliveryException(
                $"SendGrid could not be reached after {_options.SendGrid.MaxRetryAttempts + 1} attempts: {e.Message}", null, isRetryable: true, e);
        }

        using var body = response.Body;
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
            await _sentLog.RecordAsync(
                new SentEmailRecord(sendKey, recipient.Address, message.TemplateId, _time.GetUtcNow(), messageId, message.TicketId, message.ReminderId),
                cancellationToken).ConfigureAwait(false);
            EmailLogs.Sent(_logger, message.TemplateId.ToString(), message.ReminderId, "SendGrid", messageId);
            return new EmailRecipientResult(recipient, AlreadySent: false, messageId);
        }

        var detail = await ErrorDetailAsync(body, cancellationToken).ConfigureAwait(false);
        EmailLogs.Refused(_logger, message.TemplateId.ToString(), message.ReminderId, status, detail);
        throw response.StatusCode switch
        {
            HttpStatusCode.BadRequest => new EmailDeliveryException($"SendGrid refused the message as invalid (400): {detail}", status, isRetryable: false),
            HttpStatusCode.Unauthorized => new EmailDeliveryException("SendGrid refused the API key (401). Check Email:SendGrid:ApiKey.", status, isRetryable: false),
            HttpStatusCode.Forbidden => new EmailDeliveryException($"SendGrid refused the request (403): the API key lacks Mail Send permission or the sender is not verified. {detail}", status, isRetryable: false),
            HttpStatusCode.RequestEntityTooLarge => new EmailDeliveryException("SendGrid refused the message as too large (413; the limit is 30 MB).", status, isRetryable: false),
            HttpStatusCode.TooManyRequests => new EmailDeliveryException($"SendGrid is still rate-limiting (429) after {_options.SendGrid.MaxRetryAttempts + 1} attempts.", status, isRetryable: true),
            _ when status >= 500 => new EmailDeliveryException($"SendGrid kept failing ({status}) after {_options.SendGrid.MaxRetryAttempts + 1} attempts: {detail}", status, isRetryable: true),
            _ => new EmailDeliveryException($"SendGrid answered {status} unexpectedly: {detail}", status, isRetryable: false),
        };
    }

    /// <summary>
    /// The message for one recipient: from, reply-to, the subject and both bodies (the SDK puts text/plain first, as
    /// SendGrid requires), categories (ticketflow, template-…, then the message's own; at most 10 of at most 255
    /// characters) and custom args, which SendGrid copies into every Event Webhook event (how a bounce finds its reminder).
    /// </summary>
    private SendGridMessage Compose(EmailMessage message, EmailAddress recipient, RenderedEmail rendered, string sendKey)
    {
        var mail = new SendGridMessage
        {
            From = new SendGrid.Helpers.Mail.EmailAddress(_options.FromAddress, _options.FromName),
            Subject = rendered.Subject,
            PlainTextContent = rendered.PlainText,
            HtmlContent = rendered.Html,
        };
        mail.AddTo(new SendGrid.Helpers.Mail.EmailAddress(recipient.Address, recipient.DisplayName));
        if (_options.ReplyToAddress is not null)
        {
            mail.SetReplyTo(new SendGrid.Helpers.Mail.EmailAddress(_options.ReplyToAddress));
        }

        mail.AddCategories(new[] { "ticketflow", "template-" + message.TemplateId.ToString().ToLowerInvariant() }
            .Concat(message.Categories)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Length > MaxCategoryLength ? c[..MaxCategoryLength] : c)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCategories)
            .ToList());

        var customArgs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SendGridCustomArgs.SendKey] = sendKey,
            [SendGridCustomArgs.Template] = message.TemplateId.ToString(),
        };
        if (message.TicketId is not null)
        {
            customArgs[SendGridCustomArgs.TicketId] = message.TicketId;
        }

        if (message.ReminderId is not null)
        {
            customArgs[SendGridCustomArgs.ReminderId] = message.ReminderId;
        }

        if (message.EmploymentNetworkId is not null)
        {
            customArgs[SendGridCustomArgs.EmploymentNetworkId] = message.EmploymentNetworkId;
        }

        mail.AddGlobalCustomArgs(customArgs);
        return mail;
    }

    private static async Task<string> ErrorDetailAsync(HttpContent? body, CancellationToken cancellationToken)
    {
        var text = body is null ? string.Empty : await body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray().Select(e =>
                    (e.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() + ": " : string.Empty)
                    + (e.TryGetProperty("message", out var m) ? m.GetString() : e.ToString())));
            }
        }
        catch (JsonException)
        {
            // Not JSON; fall through to the raw text.
        }

        return text.Length > 500 ? text[..500] : text;
    }

    private static ResiliencePipeline<Response> BuildRetry(SendGridOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<Response> { TimeProvider = time };
        if (options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<Response>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = new PredicateBuilder<Response>()
                .Handle<HttpRequestException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, options.MaxRetryDelay)),
            OnRetry = args =>
            {
                EmailLogs.Retrying(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                args.Outcome.Result?.Body?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>
    /// The wait SendGrid asks for on a 429: Retry-After (seconds or a date), else X-RateLimit-Reset (Unix time);
    /// null lets the exponential back-off decide.
    /// </summary>
    private static TimeSpan? RetryAfter(Response? response, TimeProvider time, TimeSpan max)
    {
        if (response?.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        TimeSpan? wait = null;
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            wait = retryAfter.Delta ?? (retryAfter.Date is { } date ? date - time.GetUtcNow() : null);
        }
        else if (response.Headers.TryGetValues("X-RateLimit-Reset", out var reset)
            && long.TryParse(reset.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
        {
            wait = DateTimeOffset.FromUnixTimeSeconds(epoch) - time.GetUtcNow();
        }

        if (wait is null)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > max ? max : wait;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Functions.Email;

/// <summary>
/// <see cref="IEmailSender"/> on SendGrid's v3 Mail Send API. One request per recipient; 202 is success. 429 (after
/// Retry-After) and 5xx or network failures are retried with Polly; 400, 401, 403 and 413 are refused at once as
/// non-retryable. A (key, recipient) pair already in the <see cref="ISentEmailLog"/> is not sent again.
/// </summary>
/// <remarks>
/// SendGrid has no idempotency header, so the guarantee is: never sent twice once recorded. If the process dies
/// between SendGrid's 202 and the record, a retry sends once more; recording before sending would instead risk
/// never sending a deadline reminder, which is worse.
/// </remarks>
public sealed class SendGridEmailSender : IEmailSender
{
    private readonly HttpClient _http;
    private readonly EmailOptions _options;
    private readonly IEmailTemplateRenderer _renderer;
    private readonly ISentEmailLog _sentLog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;

    /// <summary>Creates the sender.</summary>
    /// <param name="http">An HttpClient (from IHttpClientFactory in the host).</param>
    /// <param name="options">Email options; SendGrid:ApiKey must be set.</param>
    /// <param name="renderer">The templates.</param>
    /// <param name="sentLog">The record of sent keys.</param>
    /// <param name="time">The clock (Retry-After dates, back-off waits).</param>
    /// <param name="logger">The logger.</param>
    public SendGridEmailSender(HttpClient http, IOptions<EmailOptions> options, IEmailTemplateRenderer renderer, ISentEmailLog sentLog, TimeProvider time, ILogger<SendGridEmailSender> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
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

        var body = JsonSerializer.SerializeToUtf8Bytes(SendGridMailRequest.Build(message, recipient, rendered, _options, sendKey));
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async ct =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_options.SendGrid.BaseUrl, "v3/mail/send"));
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SendGrid.ApiKey);
                    request.Content = new ByteArrayContent(body);
                    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    return await _http.SendAsync(request, ct).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new EmailDeliveryException(
                $"SendGrid could not be reached after {_options.SendGrid.MaxRetryAttempts + 1} attempts: {e.Message}", null, isRetryable: true, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.Accepted || response.StatusCode == HttpStatusCode.OK)
            {
                var messageId = response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
                await _sentLog.RecordAsync(
                    new SentEmailRecord(sendKey, recipient.Address, message.TemplateId, _time.GetUtcNow(), messageId, message.TicketId, message.ReminderId),
                    cancellationToken).ConfigureAwait(false);
                EmailLogs.Sent(_logger, message.TemplateId.ToString(), message.ReminderId, "SendGrid", messageId);
                return new EmailRecipientResult(recipient, AlreadySent: false, messageId);
            }

            var detail = await ErrorDetailAsync(response, cancellationToken).ConfigureAwait(false);
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
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
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

    private static ResiliencePipeline<HttpResponseMessage> BuildRetry(SendGridOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .HandleResult(r => r.StatusCode == HttpStatusCode.TooManyRequests || (int)r.StatusCode >= 500),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, time, options.MaxRetryDelay)),
            OnRetry = args =>
            {
                EmailLogs.Retrying(logger, (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>
    /// The wait SendGrid asks for on a 429: Retry-After (seconds or a date), else X-RateLimit-Reset (Unix time);
    /// null lets the exponential back-off decide.
    /// </summary>
    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time, TimeSpan max)
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

namespace TicketFlow.Infrastructure.Email;

/// <summary>SendGrid settings (configuration section Email:SendGrid).</summary>
public sealed class SendGridOptions
{
    /// <summary>The API key (Mail Send permission). A secret: set it from the environment or a key vault, never in a file; it is never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API base address.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.sendgrid.com/");

    /// <summary>Retries after a 429 or 5xx answer or a network failure, before giving up.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>The first back-off when SendGrid gives no Retry-After; doubles each attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest single wait, even if Retry-After asks for more (the activity retries later instead).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The Event Webhook verification key: the base64 (or PEM) ECDSA P-256 public key shown in SendGrid's
    /// Mail Settings, Signed Event Webhook. Required for the webhook endpoint to accept events.
    /// </summary>
    public string? WebhookVerificationKey { get; set; }

    /// <summary>How old a webhook's signed timestamp may be; older (or as far in the future) is refused as a replay.</summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromMinutes(5);
}

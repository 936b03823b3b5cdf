using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Api;

/// <summary>The HTTP API's settings, bound from the <c>Api</c> configuration section and validated at start.</summary>
public sealed class ApiOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api";

    /// <summary>
    /// The address callers reach this host at (for example <c>https://ticketflow.example.org</c>): Location headers and
    /// Durable Functions' management URIs are built from it, never from a request's Host header, which any caller can
    /// set. Empty: the first address the host listens on.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// How long a request holding an Idempotency-Key keeps its claim on the key. A retry within the lease hears
    /// "in progress"; after it (the first request crashed, or its host did), the retry finds the effect the first one
    /// had, or performs it once. Longer than any request takes; 30 seconds by default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Api:IdempotencyLease must be between 1 second and 1 hour.")]
    public TimeSpan IdempotencyLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an event accepted for a ticket is remembered by this host while the ticket's workflow has not yet
    /// published it, so that the next event the client sends is checked against the state it will meet.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Api:AcceptedEventMemory must be between 1 second and 10 minutes.")]
    public TimeSpan AcceptedEventMemory { get; set; } = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicBaseUrl.Length > 0 && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return new ValidationResult("Api:PublicBaseUrl must be an absolute http or https URL without query or fragment.", [nameof(PublicBaseUrl)]);
        }
    }
}

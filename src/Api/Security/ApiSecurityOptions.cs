using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Api.Security;

/// <summary>Authentication and rate settings, bound from the <c>Api:Security</c> configuration section.</summary>
public sealed class ApiSecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api:Security";

    /// <summary>
    /// SHA-256 hash (lowercase hex) of the operator's administrative key's secret. Empty: no administrative key;
    /// ENs and keys are then managed with the command line only.
    /// </summary>
    [RegularExpression("^([0-9a-f]{64})?$", ErrorMessage = "AdministratorKeyHash must be 64 lowercase hex digits.")]
    public string AdministratorKeyHash { get; set; } = string.Empty;

    /// <summary>How many requests one caller may make in each <see cref="RateWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerWindow { get; set; } = 1200;

    /// <summary>
    /// How many requests without a valid credential one client address may make in each <see cref="RateWindow"/>
    /// (counted apart from health checks, the OpenAPI document, the SendGrid webhook and the web page's sign-in form
    /// and stylesheet, which such a flood never starves and which are no sign-in attempt).
    /// </summary>
    [Range(1, 1_000_000)]
    public int AnonymousRequestsPerWindow { get; set; } = 120;

    /// <summary>The window the request limit counts in.</summary>
    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long an API key or an EN record read from storage is reused by this host (zero: read every time). A key
    /// revoked through another host stops working within this time; one revoked through this host, at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "RecordCacheDuration must be between 0 and 10 minutes.")]
    public TimeSpan RecordCacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}

namespace TicketFlow.Api.Security;

/// <summary>
/// Microsoft Entra ID bearer tokens as an alternative to API keys, bound from <c>Api:EntraId</c>. Off while
/// <see cref="TenantId"/> is empty. EN case-management systems call as daemon applications: each client application
/// (the token's <c>azp</c>, or <c>appid</c> in v1 tokens) is mapped to the one EN whose data it may see.
/// </summary>
public sealed class EntraIdOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Api:EntraId";

    /// <summary>The authority host; the tenant's OpenID metadata is read from <c>{Instance}{TenantId}/v2.0/.well-known/openid-configuration</c>.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>The directory (tenant) id; empty turns Entra ID authentication off.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The audience tokens must carry: TicketFlow's application id URI (for example <c>api://ticketflow</c>) or client id.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>
    /// Client application id to EN PID: whose data each calling application may see and change. A key may be written
    /// without the id's dashes (<c>Api__EntraId__Clients__11111111222233334444555555555555=P00001</c>): App Service
    /// setting names hold letters, digits, '.' and '_' only, and a client id is a GUID either way.
    /// </summary>
    public Dictionary<string, string> Clients { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The app role that makes a caller the operator (the administrative endpoints), instead of an EN.</summary>
    public string AdministratorRole { get; set; } = "TicketFlow.Administrator";

    /// <summary>Tolerance for clock differences when checking a token's lifetime.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the tenant's signing keys are used before they are read again (at least 5 minutes).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The least time between two reads of the signing keys forced by a token signed with an unknown key (rotation; at
    /// least 1 second). The first such token after start is always allowed one read.
    /// </summary>
    public TimeSpan MinimumKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether Entra ID tokens are accepted.</summary>
    public bool Enabled => TenantId.Length > 0;
}

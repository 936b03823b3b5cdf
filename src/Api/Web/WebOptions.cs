using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Api.Web;

/// <summary>Settings of the staff web page (section <c>Web</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Web";

    /// <summary>How long a signed-in session lasts without use before the staff member signs in again.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Azure App Service / Functions built-in authentication (Easy Auth) in front of the app.</summary>
    public EasyAuthOptions EasyAuth { get; set; } = new();
}

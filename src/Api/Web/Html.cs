using System.Globalization;
using System.Text.Encodings.Web;

namespace TicketFlow.Api.Web;

/// <summary>HTML encoding for the page's markup: every value from a request or a record passes through <see cref="E(string?)"/>.</summary>
internal static class Html
{
    /// <summary>The value, HTML-encoded.</summary>
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>A date as staff read it (Tue 1 Dec 2026), in a time element with its ISO date.</summary>
    public static string Date(DateOnly date) =>
        $"<time datetime=\"{date:yyyy-MM-dd}\">{E(date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture))}</time>";

    /// <summary>An ISO date from a JSON string, shown as <see cref="Date(DateOnly)"/>; other text as it is.</summary>
    public static string Date(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? Date(d) : E(iso);
}

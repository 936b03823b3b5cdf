using System.Globalization;
using System.Text;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Email;

/// <summary>
/// Writes an RFC 5322 / MIME message (multipart/alternative: text/plain first, then text/html, both UTF-8 in
/// base64) that any mail client opens. Header values are folded to one line and non-ASCII text is RFC 2047 encoded.
/// </summary>
internal static class MimeMessageWriter
{
    public static string Write(
        EmailAddress from,
        EmailAddress to,
        EmailAddress? replyTo,
        RenderedEmail rendered,
        DateTimeOffset date,
        string messageId,
        IReadOnlyDictionary<string, string> extraHeaders)
    {
        var boundary = "=_ticketflow_" + messageId.GetHashCode(StringComparison.Ordinal).ToString("x8", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        Header(sb, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(sb, "From", Mailbox(from));
        Header(sb, "To", Mailbox(to));
        if (replyTo is not null)
        {
            Header(sb, "Reply-To", Mailbox(replyTo));
        }

        Header(sb, "Subject", Encode(rendered.Subject));
        Header(sb, "Message-ID", "<" + messageId + ">");
        foreach (var (name, value) in extraHeaders)
        {
            Header(sb, name, Encode(value));
        }

        Header(sb, "MIME-Version", "1.0");
        Header(sb, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        sb.Append("\r\n");
        Part(sb, boundary, "text/plain", rendered.PlainText);
        Part(sb, boundary, "text/html", rendered.Html);
        sb.Append("--").Append(boundary).Append("--\r\n");
        return sb.ToString();
    }

    private static void Part(StringBuilder sb, string boundary, string type, string content)
    {
        sb.Append("--").Append(boundary).Append("\r\n");
        sb.Append("Content-Type: ").Append(type).Append("; charset=utf-8\r\n");
        sb.Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(content));
        for (var i = 0; i < base64.Length; i += 76)
        {
            sb.Append(base64, i, Math.Min(76, base64.Length - i)).Append("\r\n");
        }
    }

    private static void Header(StringBuilder sb, string name, string value) =>
        sb.Append(name).Append(": ").Append(OneLine(value)).Append("\r\n");

    private static string Mailbox(EmailAddress address) =>
        address.DisplayName is null ? address.Address : $"{Encode(address.DisplayName, quoteAscii: true)} <{address.Address}>";

    private static string Encode(string text, bool quoteAscii = false)
    {
        text = OneLine(text);
        if (text.All(c => c is >= ' ' and <= '~'))
        {
            return quoteAscii ? "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : text;
        }

        return "=?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "?=";
    }

    // Header values must not carry line breaks: a name or subject could otherwise add headers.
    private static string OneLine(string value) => string.Join(' ', value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
}

using System.Text.Json.Nodes;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Functions.Email;

/// <summary>
/// The v3 Mail Send body for one recipient (one personalization): from, reply_to, subject, content (text/plain
/// first, then text/html, as SendGrid requires), categories and custom_args.
/// </summary>
internal static class SendGridMailRequest
{
    /// <summary>SendGrid allows at most 10 categories per message, each up to 255 characters.</summary>
    public const int MaxCategories = 10;

    public static JsonObject Build(EmailMessage message, EmailAddress recipient, RenderedEmail rendered, EmailOptions options, string sendKey)
    {
        var customArgs = new JsonObject
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

        var categories = new[] { "ticketflow", "template-" + message.TemplateId.ToString().ToLowerInvariant() }
            .Concat(message.Categories)
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c.Length > 255 ? c[..255] : c)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxCategories);

        var body = new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject { ["to"] = new JsonArray(Address(recipient)) }),
            ["from"] = Address(new EmailAddress(options.FromAddress, options.FromName)),
            ["subject"] = rendered.Subject,
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = rendered.PlainText },
                new JsonObject { ["type"] = "text/html", ["value"] = rendered.Html }),
            ["categories"] = new JsonArray(categories.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["custom_args"] = customArgs,
        };
        if (options.ReplyToAddress is not null)
        {
            body["reply_to"] = Address(new EmailAddress(options.ReplyToAddress));
        }

        return body;
    }

    private static JsonObject Address(EmailAddress address)
    {
        var node = new JsonObject { ["email"] = address.Address };
        if (address.DisplayName is not null)
        {
            node["name"] = address.DisplayName;
        }

        return node;
    }
}

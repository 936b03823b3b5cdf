using System.Globalization;
using System.Net;
using System.Text;

namespace TicketFlow.Workflow.Notifications;

/// <summary>
/// TicketFlow's email templates, written for accessibility (ticketholders have disabilities and SSA requires
/// accessible formats): short sentences in plain language; the plain-text part always carries the whole message;
/// the HTML part has the same words, a real heading structure (h1, h2), a language attribute, no images, no
/// meaning carried by colour, and links written out as text. Dates are spelled out ("Monday, March 2, 2026"), in the
/// details too, so an email has one date format. Subjects name the ticket and the rule, never the ticketholder.
/// </summary>
public sealed partial class PlainLanguageEmailTemplates : IEmailTemplateRenderer
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    /// <inheritdoc />
    public RenderedEmail Render(EmailTemplateId templateId, EmailTemplateModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var doc = templateId switch
        {
            EmailTemplateId.CheckIn => CheckIn(model),
            EmailTemplateId.ContactAttemptDue => Staff(
                model,
                $"Contact attempt due by {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"A contact attempt with {Who(model)} is due by {Date(model)}.",
                "What to do",
                [
                    $"Reach {Who(model)} by {Date(model)}.",
                    "Record the attempt in TicketFlow: the date, the method, who made it, and whether it was two-way.",
                    "If you cannot reach them, record the attempt anyway. Each attempt counts.",
                ]),
            EmailTemplateId.IwpSubmissionDue => Staff(
                model,
                $"IWP due to the Ticket Program Manager by {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"The signed Individual Work Plan (IWP) for {Who(model)} must reach the Ticket Program Manager by {Date(model)}.",
                "What to do",
                [
                    "Check that the IWP has both signatures and every required part.",
                    $"Submit it by {Date(model)}.",
                    "Upload the signed copy to TicketFlow so it is ready for a review.",
                ]),
            EmailTemplateId.UnassignmentRisk => Staff(
                model,
                $"No two-way contact: {Ticket(model)} may have to be unassigned by {Date(model)}{Rule(model)}",
                $"TicketFlow has no two-way contact with {Who(model)} on record. The ticket may have to be unassigned by {Date(model)}.",
                "What to do",
                [
                    "Try to reach them again, by a different method if you can.",
                    "Record every attempt in TicketFlow.",
                    "If they want to keep working with you, record the two-way contact.",
                ]),
            EmailTemplateId.DisputeDeadline => Staff(
                model,
                $"Dispute deadline {Date(model)}{(model.TicketId is null ? "" : ": " + Ticket(model))}{Rule(model)}",
                $"A step in the dispute about {Who(model)}'s ticket is due by {Date(model)}.",
                "What to do",
                ["Read the details below.", $"Complete the step by {Date(model)}.", "Record what you did in TicketFlow."]),
            EmailTemplateId.ComplianceEscalation => Staff(
                model,
                $"Deadline about to be missed, {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"A deadline for {Who(model)} is {Date(model)} and it is not yet met. You are receiving this as the compliance contact.",
                "What to do",
                ["Read the details below.", "Make sure someone acts before the deadline.", "Record the outcome in TicketFlow."]),
            EmailTemplateId.AddressNeedsAttention => Staff(
                model,
                $"A check-in email did not arrive: check the address for {Ticket(model)}",
                $"A check-in email to {Who(model)} could not be delivered. Their email address may be wrong or no longer in use.",
                "What to do",
                [
                    "Contact them another way, for example by phone or letter.",
                    "Ask for their current email address and update it in TicketFlow.",
                    "Record the contact attempt.",
                ]),
            EmailTemplateId.DeadlineMissed => Staff(
                model,
                $"Deadline missed, {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"A deadline for {Who(model)} was {Date(model)} and TicketFlow has no record that it was met. You are receiving this as the compliance contact.",
                "What to do",
                ["Read the details below.", "Find out what happened and act now.", "Record the outcome in TicketFlow, with the date it really happened."]),
            EmailTemplateId.ReviewFollowUp => Staff(
                model,
                $"No IWP review decision yet, due {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"Program Integrity should have reviewed the IWP for {Who(model)} by {Date(model)}. TicketFlow has no decision on record.",
                "What to do",
                ["Contact the Ticket Program Manager about the review.", "Record the decision in TicketFlow when it arrives."]),
            EmailTemplateId.EarningsCheckpoint => Staff(
                model,
                $"Earnings checkpoint {Date(model)}: {Ticket(model)}{Rule(model)}",
                $"It is time to check whether {Who(model)} is earning at the level the IWP's goals aim for.",
                "What to do",
                ["Ask about their current monthly earnings.", "Compare them with the amount in the details below.", "Record the conversation as a case note, and amend the IWP if the goals need to change."]),
            EmailTemplateId.RecordsMayBeDestroyed => Staff(
                model,
                $"Records may now be destroyed: {Ticket(model)}{Rule(model)}",
                $"The records for {Who(model)} have been kept for the required time after the ticket was unassigned. They may be destroyed from {Date(model)}.",
                "What to do",
                ["Confirm in TicketFlow that the records may be destroyed, or keep them securely.", "TicketFlow keeps an audit entry without personal information."]),
            EmailTemplateId.ServicesAndSupportsReviewDue => Staff(
                model,
                $"Services and Supports review due {Date(model)}",
                $"Your response to a Services and Supports review is due to the Ticket Program Manager by {Date(model)}.",
                "What to do",
                ["Download each ticketholder's package from TicketFlow.", "Check it holds the IWP, every amendment and the case notes.", "Send the response, then mark the review sent in TicketFlow."]),
            _ => throw new ArgumentOutOfRangeException(nameof(templateId), templateId, "No template for this email."),
        };
        return doc.Build();
    }

    private static EmailDocument CheckIn(EmailTemplateModel model)
    {
        var doc = new EmailDocument($"Checking in from {model.EmploymentNetworkName}", $"Hello {model.RecipientName},");
        doc.Paragraph($"This is {model.EmploymentNetworkName}. We would like to hear how you are doing with your work goals.");
        doc.Heading("How to reply");
        doc.List(
        [
            "Reply to this email, or",
            model.ContactInstructions is null ? "Contact us the way you usually do." : $"Contact us: {model.ContactInstructions}",
        ]);
        if (model.DueDate is not null)
        {
            doc.Paragraph($"Please get in touch by {Date(model)}.");
        }

        doc.Heading("Need this in another format?");
        doc.Paragraph("Tell us if you would like this message in large print, Braille, by phone, or another way. We are happy to help.");
        return doc;
    }

    private static EmailDocument Staff(EmailTemplateModel model, string subject, string lead, string stepsHeading, string[] steps)
    {
        var doc = new EmailDocument(subject, $"Hello {model.RecipientName},");
        doc.Paragraph(lead);
        doc.Heading(stepsHeading);
        doc.List(steps);
        if (model.RuleId is not null || model.RecordAt is not null)
        {
            // The deadline by name: which rule, what it requires, the due date, and where the outcome is recorded.
            doc.Heading("Which deadline");
            var deadline = new List<string>();
            if (model.RuleId is not null)
            {
                deadline.Add($"Rule: {model.RuleId}{(model.RuleText is null ? "" : " - " + SpellDates(model.RuleText))}");
            }

            if (model.DueDate is not null)
            {
                deadline.Add($"Due date: {Date(model)}");
            }

            if (model.RecordAt is not null)
            {
                deadline.Add($"Where to record it: {model.RecordAt}");
            }

            doc.List(deadline);
        }

        doc.Heading("Details");
        var facts = new List<string>();
        if (model.TicketholderName is not null)
        {
            facts.Add($"Ticketholder: {model.TicketholderName}");
        }

        if (model.TicketId is not null)
        {
            facts.Add($"Ticket: {model.TicketId}");
        }

        if (model.DueDate is not null)
        {
            facts.Add($"Due: {Date(model)}");
        }

        if (model.Details is not null)
        {
            facts.Add(SpellDates(model.Details));
        }

        doc.List(facts.Count > 0 ? facts : ["No further details."]);
        if (model.Link is not null)
        {
            doc.Link("Open the record in TicketFlow", model.Link);
        }

        doc.Paragraph($"Sent by TicketFlow for {model.EmploymentNetworkName}.");
        return doc;
    }

    private static string Who(EmailTemplateModel model) => model.TicketholderName ?? "the ticketholder";

    // Subjects name the ticket, never the ticketholder: a subject line shows in inbox lists and notifications.
    private static string Ticket(EmailTemplateModel model) => model.TicketId is { } ticket ? $"ticket {ticket}" : "the ticket";

    private static string Rule(EmailTemplateModel model) => model.RuleId is { } rule ? $" ({rule})" : "";

    /// <summary>One date format in every email: "2026-01-26 (Monday)" and "2026-01-26" become "Monday, January 26, 2026".</summary>
    private static string SpellDates(string text) => IsoDate().Replace(text, m =>
        DateOnly.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dddd, MMMM d, yyyy", English)
            : m.Value);

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<date>\d{4}-\d{2}-\d{2})(?: \((?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\))?")]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    private static string Date(EmailTemplateModel model) =>
        model.DueDate?.ToString("dddd, MMMM d, yyyy", English) ?? "the due date";

    /// <summary>Builds the plain-text and HTML parts from the same blocks, so they cannot drift apart.</summary>
    private sealed class EmailDocument(string subjectText, string greeting)
    {
        // A subject is one header line: names with line breaks must not be able to add headers.
        private readonly string subject = string.Join(' ', subjectText.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries));
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _html = new();

        public void Paragraph(string text)
        {
            _text.Append(text).Append("\n\n");
            _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        }

        public void Heading(string text)
        {
            _text.Append(text.ToUpperInvariant()).Append("\n\n");
            _html.Append("<h2>").Append(Encode(text)).Append("</h2>\n");
        }

        public void List(IEnumerable<string> items)
        {
            _html.Append("<ul>\n");
            foreach (var item in items)
            {
                _text.Append("- ").Append(item).Append('\n');
                _html.Append("<li>").Append(Encode(item)).Append("</li>\n");
            }

            _text.Append('\n');
            _html.Append("</ul>\n");
        }

        public void Link(string text, Uri link)
        {
            _text.Append(text).Append(": ").Append(link.AbsoluteUri).Append("\n\n");
            _html.Append("<p>").Append(Encode(text)).Append(": <a href=\"").Append(Encode(link.AbsoluteUri)).Append("\">")
                .Append(Encode(link.AbsoluteUri)).Append("</a></p>\n");
        }

        public RenderedEmail Build()
        {
            var text = $"{subject}\n\n{greeting}\n\n{_text}".TrimEnd() + "\n";
            var html = new StringBuilder()
                .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .Append(Encode(subject)).Append("</title>\n</head>\n<body>\n<h1>").Append(Encode(subject)).Append("</h1>\n<p>")
                .Append(Encode(greeting)).Append("</p>\n").Append(_html).Append("</body>\n</html>\n")
                .ToString();
            return new RenderedEmail(subject, text, html);
        }

        private static string Encode(string text) => WebUtility.HtmlEncode(text);
    }
}

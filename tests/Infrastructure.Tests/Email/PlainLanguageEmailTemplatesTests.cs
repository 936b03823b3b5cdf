using System.Text.RegularExpressions;
using TicketFlow.Workflow.Notifications;

namespace TicketFlow.Infrastructure.Tests.Email;

public sealed partial class PlainLanguageEmailTemplatesTests
{
    private static readonly EmailTemplateModel Model = new("Sam", "Bright Futures EN")
    {
        TicketholderName = "Alex <Rivera>",
        TicketId = "T-42",
        DueDate = new DateOnly(2026, 3, 16),
        Details = "Step: ask SSA for a decision.",
        ContactInstructions = "call 555-0100",
        Link = new Uri("https://ticketflow.example.org/tickets/T-42"),
    };

    public static TheoryData<EmailTemplateId> Templates() => new(Enum.GetValues<EmailTemplateId>());

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_template_has_a_complete_plain_text_part_and_an_accessible_html_part(EmailTemplateId template)
    {
        var email = new PlainLanguageEmailTemplates().Render(template, Model);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.DoesNotContain('\n', email.Subject);
        Assert.Contains("Hello Sam,", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.Html, StringComparison.Ordinal);
        Assert.Single(H1().Matches(email.Html));
        Assert.NotEmpty(H2().Matches(email.Html));
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("color", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<Rivera>", email.Html, StringComparison.Ordinal); // model text is encoded

        // Every sentence of the plain text is in the HTML: nothing is only in one part.
        foreach (var line in email.PlainText.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimStart('-', ' ')))
        {
            if (string.Equals(line.ToUpperInvariant(), line, StringComparison.Ordinal))
            {
                continue; // headings are upper-cased in plain text
            }

            Assert.Contains(System.Net.WebUtility.HtmlEncode(line.Split(": https://")[0]), email.Html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(EmailTemplateId.ContactAttemptDue)]
    [InlineData(EmailTemplateId.IwpSubmissionDue)]
    [InlineData(EmailTemplateId.UnassignmentRisk)]
    [InlineData(EmailTemplateId.DisputeDeadline)]
    [InlineData(EmailTemplateId.ComplianceEscalation)]
    public void Staff_reminders_spell_out_the_date_and_name_the_ticket(EmailTemplateId template)
    {
        var email = new PlainLanguageEmailTemplates().Render(template, Model);

        Assert.Contains("Monday, March 16, 2026", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("Ticket: T-42", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("https://ticketflow.example.org/tickets/T-42", email.PlainText, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_in_offers_other_formats_and_says_how_to_reply()
    {
        var email = new PlainLanguageEmailTemplates().Render(EmailTemplateId.CheckIn, Model);

        Assert.Contains("large print, Braille, by phone", email.PlainText, StringComparison.Ordinal);
        Assert.Contains("call 555-0100", email.PlainText, StringComparison.Ordinal);
        Assert.DoesNotContain("T-42", email.PlainText, StringComparison.Ordinal); // no internal ids in the ticketholder's email
    }

    [GeneratedRegex("<h1>")]
    private static partial Regex H1();

    [GeneratedRegex("<h2>")]
    private static partial Regex H2();
}

namespace TicketFlow.Workflow.Notifications;

/// <summary>The facts a template puts into words. Only the fields a template needs must be set.</summary>
/// <param name="RecipientName">Who the email greets, e.g. the staff member's or ticketholder's first name.</param>
/// <param name="EmploymentNetworkName">The Employment Network's name as the ticketholder knows it.</param>
public sealed record EmailTemplateModel(string RecipientName, string EmploymentNetworkName)
{
    /// <summary>The ticketholder the email is about (staff emails).</summary>
    public string? TicketholderName { get; init; }

    /// <summary>The ticket the email is about.</summary>
    public string? TicketId { get; init; }

    /// <summary>The date something is due.</summary>
    public DateOnly? DueDate { get; init; }

    /// <summary>One plain sentence with anything else the reader needs (e.g. which dispute step, why the email bounced).</summary>
    public string? Details { get; init; }

    /// <summary>How to reach the EN: a phone number or address the ticketholder can use.</summary>
    public string? ContactInstructions { get; init; }

    /// <summary>The rulebook rule the email is about (for example "iwp-submission"), for staff reminders.</summary>
    public string? RuleId { get; init; }

    /// <summary>What the rule requires, in plain language, with where it is written.</summary>
    public string? RuleText { get; init; }

    /// <summary>Where to record what was done in TicketFlow (for example the API call or screen).</summary>
    public string? RecordAt { get; init; }

    /// <summary>A link to the record in TicketFlow (staff emails); always written out as text too.</summary>
    public Uri? Link { get; init; }
}

namespace TicketFlow.Workflow.Notifications;

/// <summary>Turns a template id and its facts into the subject, plain text and HTML of an email.</summary>
public interface IEmailTemplateRenderer
{
    /// <summary>Renders one template.</summary>
    /// <param name="templateId">The template.</param>
    /// <param name="model">The facts.</param>
    /// <returns>The email's subject and bodies.</returns>
    RenderedEmail Render(EmailTemplateId templateId, EmailTemplateModel model);
}

using TicketFlow.Infrastructure.Email;

namespace TicketFlow.Infrastructure.Tests.Email;

public sealed class EmailOptionsValidatorTests
{
    private static EmailOptions SendGrid(Action<SendGridOptions> change)
    {
        var options = new EmailOptions { Provider = EmailProvider.SendGrid, SendGrid = new SendGridOptions { ApiKey = "SG.key" } };
        change(options.SendGrid);
        return options;
    }

    public static TheoryData<string, EmailOptions, string?> Cases => new()
    {
        { "a complete SendGrid configuration", SendGrid(_ => { }), null },
        { "no API key", SendGrid(s => s.ApiKey = " "), "Email:SendGrid:ApiKey is required" },
        { "the API key sent in clear text", SendGrid(s => s.BaseUrl = new Uri("http://api.sendgrid.example/")), "Email:SendGrid:BaseUrl must be an https URI" },
        { "a stand-in on loopback", SendGrid(s => s.BaseUrl = new Uri("http://127.0.0.1:5000/")), null },
        { "a webhook key that is not a key", SendGrid(s => s.WebhookVerificationKey = "bm90IGEga2V5"), "Email:SendGrid:WebhookVerificationKey is not the ECDSA public key" },
        { "retries out of range", SendGrid(s => s.MaxRetryAttempts = 11), "Email:SendGrid:MaxRetryAttempts must be 0-10" },
        { "a stale-timestamp window of zero", SendGrid(s => s.WebhookMaxAge = TimeSpan.Zero), "Email:SendGrid:WebhookMaxAge must be positive" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Email_settings_are_checked_at_start_with_the_setting_named(string what, EmailOptions options, string? failure)
    {
        var result = new EmailOptionsValidator().Validate(null, options);

        Assert.True(failure is null ? result.Succeeded : result.Failed, what);
        if (failure is not null)
        {
            Assert.Contains(failure, result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("SG.key", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}

using System.Net.Mail;

namespace TicketFlow.Workflow.Notifications;

/// <summary>A mailbox: an address and, optionally, the name to show with it.</summary>
public sealed record EmailAddress
{
    /// <summary>Creates a mailbox after checking the address's form.</summary>
    /// <param name="address">The address, e.g. jane@example.org.</param>
    /// <param name="displayName">The name to show, e.g. Jane Doe; null for none.</param>
    /// <exception cref="ArgumentException">The address is not a single, plain email address.</exception>
    public EmailAddress(string address, string? displayName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        if (!MailAddress.TryCreate(address.Trim(), out var parsed) || parsed.Address != address.Trim() || address.Contains(',', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{address}' is not a valid email address.", nameof(address));
        }

        Address = parsed.Address;
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : displayName.Trim();
    }

    /// <summary>The address.</summary>
    public string Address { get; }

    /// <summary>The name shown with it, if any.</summary>
    public string? DisplayName { get; }

    /// <inheritdoc />
    public override string ToString() => DisplayName is null ? Address : $"{DisplayName} <{Address}>";
}

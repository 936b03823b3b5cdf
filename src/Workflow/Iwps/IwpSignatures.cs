namespace TicketFlow.Workflow.Iwps;

/// <summary>Both signatures; the IWP is not valid until both parties signed and dated it.</summary>
public sealed record IwpSignatures
{
    /// <summary>The ticketholder (or the ticketholder's representative).</summary>
    public IwpSignature? Ticketholder { get; init; }

    /// <summary>The EN representative.</summary>
    public IwpSignature? EmploymentNetwork { get; init; }

    /// <summary>
    /// The later of the two signature dates, which starts the submission clock; null unless both are dated.
    /// A method, not a property, so that it is no member of the JSON shape.
    /// </summary>
    public DateOnly? LaterSignatureDate() =>
        Ticketholder?.Date is { } a && EmploymentNetwork?.Date is { } b ? (a > b ? a : b) : null;
}

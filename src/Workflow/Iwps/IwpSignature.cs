namespace TicketFlow.Workflow.Iwps;

/// <summary>One party's signature on the IWP.</summary>
public sealed record IwpSignature
{
    /// <summary>The signer's printed name.</summary>
    public string? Name { get; init; }

    /// <summary>The signer's title (EN representative).</summary>
    public string? Title { get; init; }

    /// <summary>The date written beside the signature.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How it was signed.</summary>
    public SignatureMethod? Method { get; init; }
}

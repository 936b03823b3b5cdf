namespace TicketFlow.Workflow.Iwps;

/// <summary>The approved signature methods.</summary>
public enum SignatureMethod
{
    /// <summary>Signed by hand on the document.</summary>
    Wet,

    /// <summary>Signed electronically (DocuSign, Adobe Acrobat Sign...).</summary>
    Electronic,
}

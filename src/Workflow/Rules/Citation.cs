namespace TicketFlow.Workflow.Rules;

/// <summary>Where a rule comes from: a document by its title, the section in it, and the words (quoted or paraphrased) it rests on.</summary>
/// <param name="Document">The document's title as a reader looks it up (see <see cref="SeedDocuments"/>).</param>
/// <param name="Section">
/// The section: for a regulation or statute its full cite ("20 CFR 411.435(c)(2)", "42 U.S.C. 1320b-19(b)(4)"), for a guide
/// its headings ("Individual Work Plan > Submitting IWPs").
/// </param>
/// <param name="Text">A quote (in quotation marks) or a paraphrase, plus any note on conflicting documents.</param>
public sealed record Citation(string Document, string Section, string Text)
{
    /// <summary>
    /// What a reader looks up: the section alone when it is already a legal cite ("20 CFR 411.435(c)(2)"), otherwise the
    /// title and the section ("EN Guide for Working with Ticketholders, Individual Work Plan > Submitting IWPs").
    /// </summary>
    public string Source => IsLegalCite(Section) ? Section : $"{Document}, {Section}";

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Text}";

    private static bool IsLegalCite(string section) =>
        section.StartsWith("20 CFR ", StringComparison.Ordinal) || section.StartsWith("42 U.S.C. ", StringComparison.Ordinal);
}

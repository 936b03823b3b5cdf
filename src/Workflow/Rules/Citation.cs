namespace TicketFlow.Workflow.Rules;

/// <summary>Where a rule comes from: a seed document, the section in it, and the words (quoted or paraphrased) it rests on.</summary>
/// <param name="Document">The seed document's file name (see <see cref="SeedDocuments"/>).</param>
/// <param name="Section">The section as the document heads it, e.g. "§ 411.435(c)(2)" or "Individual Work Plan > Submitting IWPs".</param>
/// <param name="Text">A quote (in quotation marks) or a paraphrase, plus any note on conflicting documents.</param>
public sealed record Citation(string Document, string Section, string Text)
{
    /// <summary>"file, section".</summary>
    public string Source => $"{Document}, {Section}";

    /// <inheritdoc />
    public override string ToString() => $"{Source}: {Text}";
}

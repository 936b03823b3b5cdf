using TicketFlow.Workflow.Documents;

namespace TicketFlow.Workflow.Tests.Documents;

public sealed class DocumentFoldersTests
{
    [Theory]
    [InlineData("P10001_X", "T1", "P10001", "X_T1")] // the pair whose S&S packages once met in one blob
    [InlineData("P1-2", "T", "P1", "2-T")]
    [InlineData("P1.2", "T", "P1", "2.T")]
    [InlineData("P1", "dispute-7", "P1", "7")] // a ticket named like a dispute folder
    public void Two_ENs_or_a_ticket_and_a_dispute_never_share_a_folder(string firstEn, string first, string secondEn, string second)
    {
        var folders = new[]
        {
            DocumentFolders.ForTicket(firstEn, first), DocumentFolders.ForTicket(secondEn, second),
            DocumentFolders.ForDispute(firstEn, first), DocumentFolders.ForDispute(secondEn, second),
        };

        Assert.Equal(folders.Length, folders.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void A_folder_id_uses_only_characters_a_document_name_allows()
    {
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$", DocumentFolders.ForTicket("P10001_X", "T-1.2"));
    }
}

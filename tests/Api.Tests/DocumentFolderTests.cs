using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Testing.Fixtures;
using TicketFlow.Workflow.Documents;
using TicketFlow.Testing.Hosts;

namespace TicketFlow.Api.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DocumentFolderTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_packages_of_EN_P10001_X_ticket_T1_and_EN_P10001_ticket_X_T1_are_two_blobs()
    {
        await using var host = await ApiHost.StartAsync(azurite);
        var documents = host.App.Services.GetRequiredService<IDocumentStore>();

        using (var first = new MemoryStream(Encoding.UTF8.GetBytes("package of P10001_X / T1")))
        {
            await documents.SaveAsync(DocumentFolders.ForTicket("P10001_X", "T1"), DocumentKind.ServicesAndSupportsReviewPackage, "ss-1", first, "application/zip");
        }

        using (var second = new MemoryStream(Encoding.UTF8.GetBytes("package of P10001 / X_T1")))
        {
            await documents.SaveAsync(DocumentFolders.ForTicket("P10001", "X_T1"), DocumentKind.ServicesAndSupportsReviewPackage, "ss-1", second, "application/zip");
        }

        async Task<string> Read(string en, string ticket)
        {
            var listed = Assert.Single(await documents.ListAsync(DocumentFolders.ForTicket(en, ticket)));
            await using var stream = await documents.OpenReadAsync(listed);
            return await new StreamReader(stream).ReadToEndAsync();
        }

        Assert.Equal("package of P10001_X / T1", await Read("P10001_X", "T1"));
        Assert.Equal("package of P10001 / X_T1", await Read("P10001", "X_T1"));
    }
}

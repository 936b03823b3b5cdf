using TicketFlow.Testing.Fixtures;

namespace TicketFlow.Functions.Tests;

/// <summary>Tests that need Azurite join this collection: <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

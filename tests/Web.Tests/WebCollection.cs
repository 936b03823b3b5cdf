namespace TicketFlow.Web.Tests;

/// <summary>The browser tests share one host and one browser: <c>[Collection(WebCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}

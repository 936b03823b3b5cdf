using TicketFlow.Durable.Testing;

namespace TicketFlow.Durable.Tests;

/// <summary>The runtime contract on the embedded SQLite store (the test host's default).</summary>
public sealed class SqliteRuntimeTests : DurableRuntimeContractTests
{
    protected override void ConfigureHost(DurableTestHostOptions options)
    {
    }
}

using System.Reflection;

namespace TicketFlow.Server.Hosting;

/// <summary>
/// The TicketFlow checkout this build was made from (recorded by the project file), when it is still there. The
/// installed <c>ticketflow</c> tool runs from the .NET tools folder, so this is how it finds the checkout's
/// <c>node_modules/azurite</c> from wherever it is started.
/// </summary>
internal static class RepositoryCheckout
{
    /// <summary>The checkout's folder, or null when it was not recorded or no longer holds TicketFlow.sln.</summary>
    public static string? Root { get; } = Find();

    private static string? Find()
    {
        var recorded = typeof(RepositoryCheckout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "TicketFlow.RepositoryRoot")?.Value;
        return recorded is not null && File.Exists(Path.Combine(recorded, "TicketFlow.sln")) ? recorded : null;
    }
}

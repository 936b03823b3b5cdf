namespace TicketFlow.Infra.Tests;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    /// <summary>The checkout's root: the folder holding TicketFlow.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>infra/main.bicep.</summary>
    public static string MainTemplate => Path.Combine(Root, "infra", "main.bicep");

    /// <summary>infra/main.parameters.json, the parameters azd fills from its environment.</summary>
    public static string MainParameters => Path.Combine(Root, "infra", "main.parameters.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TicketFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TicketFlow.sln above {AppContext.BaseDirectory}.");
    }
}

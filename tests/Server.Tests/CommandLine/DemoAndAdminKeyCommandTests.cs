using TicketFlow.Api.Security;

namespace TicketFlow.Server.Tests.CommandLine;

public sealed class DemoAndAdminKeyCommandTests
{
    [Fact]
    public async Task Demo_without_a_usable_key_says_so_in_one_line()
    {
        var result = await CommandLineRunner.Run("demo", "--key", "not-a-key");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no API key", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Admin_key_prints_a_key_and_the_hash_that_matches_it()
    {
        var result = await CommandLineRunner.Run("admin-key");

        Assert.Equal(0, result.ExitCode);
        var key = result.OutputLines.Single(l => l.StartsWith("key:", StringComparison.Ordinal))[5..].Trim();
        var hash = result.OutputLines.Single(l => l.StartsWith("hash:", StringComparison.Ordinal))[5..].Trim();
        Assert.True(ApiKey.TryParse(key, out var parsed));
        Assert.True(parsed.Matches(hash));
    }
}

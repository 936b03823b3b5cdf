using System.Text.Json.Nodes;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled once for all tests (bicep build, offline): the ARM template and what the compiler said.
/// Shared through <see cref="InfraCollection"/>.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    /// <summary>bicep build's exit code.</summary>
    public int ExitCode { get; private set; }

    /// <summary>What bicep build wrote to stderr: its errors and warnings, one per line.</summary>
    public string Diagnostics { get; private set; } = string.Empty;

    /// <summary>The compiled ARM template (JSON), null if the build failed.</summary>
    public JsonNode? Template { get; private set; }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var (exitCode, output, errors) = await BicepCli.RunAsync("build", Repository.MainTemplate, "--stdout", "--no-restore");
        ExitCode = exitCode;
        Diagnostics = errors.Trim();
        Template = exitCode == 0 ? JsonNode.Parse(output) : null;
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary>The tests that read the compiled template share one compilation.</summary>
[CollectionDefinition(Name)]
public sealed class InfraCollection : ICollectionFixture<CompiledTemplate>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "infra";
}

using System.Text.Json.Nodes;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled and linted once for all tests (bicep build and bicep lint, offline, run side by side): the
/// ARM template and what each said. Shared through <see cref="InfraCollection"/>.
/// </summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    /// <summary>bicep build's exit code.</summary>
    public int ExitCode { get; private set; }

    /// <summary>What bicep build wrote to stderr: its errors and warnings, one per line.</summary>
    public string Diagnostics { get; private set; } = string.Empty;

    /// <summary>The compiled ARM template (JSON), null if the build failed.</summary>
    public JsonNode? Template { get; private set; }

    /// <summary>bicep lint's exit code.</summary>
    public int LintExitCode { get; private set; }

    /// <summary>What bicep lint wrote (it reports on stderr and exits 0 on warnings alone).</summary>
    public string LintDiagnostics { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        // The linter checks main.bicep and every module it uses.
        var build = BicepCli.RunAsync("build", Repository.MainTemplate, "--stdout", "--no-restore");
        var lint = BicepCli.RunAsync("lint", Repository.MainTemplate, "--no-restore");
        var (exitCode, output, errors) = await build;
        ExitCode = exitCode;
        Diagnostics = errors.Trim();
        Template = exitCode == 0 ? JsonNode.Parse(output) : null;
        var (lintExitCode, lintOutput, lintErrors) = await lint;
        LintExitCode = lintExitCode;
        LintDiagnostics = (lintOutput + lintErrors).Trim();
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

using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketFlow.Api.Security;

namespace TicketFlow.Functions.Tests.Hosts;

/// <summary>
/// The Functions app's worker host, built by <see cref="TicketFlowFunctionsApp.Configure"/> as Program.cs builds it,
/// and not started: starting dials the Functions host over gRPC, which cannot run here. Its functions are called
/// directly, each with a request as the worker's ASP.NET Core integration hands it over (RequestServices from the
/// invocation's scope) and the durable client the binding would give.
/// </summary>
public sealed class FunctionsAppHost : IDisposable
{
    private FunctionsAppHost(IHost host, IReadOnlyList<ServiceDescriptor> descriptors)
    {
        Host = host;
        Descriptors = descriptors;
    }

    /// <summary>What the app registered (resolving some services would start the worker's connection to the host).</summary>
    public IReadOnlyList<ServiceDescriptor> Descriptors { get; }

    public IHost Host { get; }

    /// <summary>Every host's log lines (failures of a function show up here).</summary>
    public static Testing.Fixtures.ListLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => Host.Services;

    /// <summary>Builds the app with <paramref name="settings"/> (configuration keys with ':') over its defaults.</summary>
    public static FunctionsAppHost Build(IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        // Worker.Sdk runs each extension's startup from code it generates in the entry assembly; under the test host
        // the entry assembly is testhost, so the Durable extension's is run here, as the worker would.
        Microsoft.Azure.Functions.Worker.FunctionsWorkerApplicationBuilderExtensions.ConfigureDurableExtension(builder);
        builder.Configuration.AddInMemoryCollection(settings);
        TicketFlowFunctionsApp.Configure(builder);
        builder.Logging.AddProvider(Logs);
        configure?.Invoke(builder.Services);
        var descriptors = builder.Services.ToList();
        return new FunctionsAppHost(builder.Build(), descriptors);
    }

    /// <summary>Settings for a host on <paramref name="connectionString"/> with its own tables and container.</summary>
    public static Dictionary<string, string?> StorageSettings(string connectionString, string tablePrefix, string container, string outbox) => new()
    {
        ["Storage:ConnectionString"] = connectionString,
        ["Storage:Records:TablePrefix"] = tablePrefix,
        ["Storage:DocumentsContainerName"] = container,
        ["Email:Provider"] = "Outbox",
        ["Email:OutboxFolder"] = outbox,
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary>Calls <paramref name="function"/> with a request for <paramref name="method"/> <paramref name="pathAndQuery"/>.</summary>
    public async Task<FunctionResponse> InvokeAsync(
        Func<HttpRequest, DurableTaskClient, Task> function, DurableTaskClient client, string method, string pathAndQuery,
        HttpContent? content = null, string? apiKey = null, IDictionary<string, string>? headers = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Method = method;
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        http.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        http.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        http.Connection.RemoteIpAddress = IPAddress.Loopback;
        http.Request.Headers.Accept = "application/json";
        if (apiKey is not null)
        {
            http.Request.Headers[ApiKeyAuthenticationHandler.HeaderName] = apiKey;
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            http.Request.Headers[name] = value;
        }

        // Kestrel (the worker's server) says whether a request can have a body; DefaultHttpContext does not.
        http.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(content is not null));
        if (content is not null)
        {
            var bytes = await content.ReadAsByteArrayAsync();
            http.Request.Body = new MemoryStream(bytes);
            http.Request.ContentLength = bytes.Length;
            http.Request.ContentType = content.Headers.ContentType?.ToString();
        }

        var body = new MemoryStream();
        http.Response.Body = body;
        await function(http.Request, client);
        await http.Response.CompleteAsync();
        var responseHeaders = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new FunctionResponse(http.Response.StatusCode, responseHeaders, body.ToArray(), [.. http.Response.Headers.SetCookie.Select(c => c ?? string.Empty)]);
    }

    public void Dispose() => Host.Dispose();

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}

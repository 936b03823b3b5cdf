using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using TicketFlow.Workflow;
using TicketFlow.Workflow.Iwps;

namespace TicketFlow.Api;

/// <summary>
/// Turns what a caller can fix into Problem Details (400 for unreadable input, 409 for a record that already exists,
/// 413 for a body over the cap); anything else is a 500 without internals. The words are the caller's: a field is
/// named as the caller spells it, a choice lists its allowed values, and no answer names a .NET type or parameter.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; there is nobody to answer.
            return true;
        }

        // A body that binds badly names its field, as validation errors do, so the caller can fix it without guessing.
        var json = exception as System.Text.Json.JsonException ?? exception.InnerException as System.Text.Json.JsonException;
        if (exception is IwpFormatException && json is not null)
        {
            var (where, what) = FieldProblem(httpContext, json) ?? ("$", "The plan is not valid JSON, or not an IWP object.");
            await TypedResults.Problem($"Invalid IWP at {where}: {what}", statusCode: 400, title: "Invalid IWP").ExecuteAsync(httpContext);
            return true;
        }

        if (json is not null && FieldProblem(httpContext, json) is { } field)
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field.Name] = [field.Message] },
                detail: "A field's value cannot be read: dates are ISO 8601 (yyyy-MM-dd), choices are spelt as the API documents them, and unknown fields are refused.",
                title: "Invalid JSON").ExecuteAsync(httpContext);
            return true;
        }

        // A query or route value that cannot be read as its type (a date, a choice, a number).
        if (exception is BadHttpRequestException bind && BindProblem(httpContext, bind) is { } parameter)
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [parameter.Name] = [parameter.Message] },
                title: "The request has invalid fields.").ExecuteAsync(httpContext);
            return true;
        }

        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "Request too large", "The request body is larger than this endpoint accepts."),
            // ASP.NET Core's wording for a missing body speaks to the developer of the endpoint, not to its caller.
            BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.Ordinal) =>
                (bad.StatusCode, "Body required", "This endpoint needs a JSON body (Content-Type: application/json)."),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
                (415, "Unsupported content type", "This endpoint takes a JSON body (Content-Type: application/json)."),
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request cannot be read: check its fields, its content type and its body."),
            System.Text.Json.JsonException => (400, "Invalid JSON", "The body is not valid JSON, or not the object this endpoint takes."),

            // System.Text.Json refuses a polymorphic body without its discriminator with NotSupportedException.
            NotSupportedException unsupported when unsupported.Source == "System.Text.Json" =>
                (400, "Invalid JSON", $"The body needs a \"type\" naming what it is{Discriminators(httpContext)}."),
            IwpFormatException iwp => (400, "Invalid IWP", iwp.Message),
            RecordAlreadyExistsException exists => (409, "Already exists", exists.Message),

            // Two requests racing to start the same workflow: the second finds it started.
            global::DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException => (409, "Already exists", "The workflow for this record was started by another request."),
            _ => (500, "Internal error", "The request failed; nothing was changed by it that is not recorded in the audit trail."),
        };
        if (status >= 500)
        {
            ApiLogs.UnhandledError(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        await TypedResults.Problem(detail, statusCode: status, title: title).ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>The field a JSON error is about and what it must be, in the caller's terms.</summary>
    private static (string Name, string Message)? FieldProblem(HttpContext http, System.Text.Json.JsonException exception)
    {
        var message = exception.Message;
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            var member = unmapped.Groups["name"].Value;
            var at = exception.Path is { Length: > 1 } p ? p : "$";
            return (at.EndsWith($".{member}", StringComparison.Ordinal) ? at : $"{at}.{member}", "Is not a field of this request.");
        }

        if (message.Contains("type discriminator", StringComparison.Ordinal))
        {
            // The reader reports the object, not its "type" member.
            var at = exception.Path is { Length: > 1 } p && !p.EndsWith(".type", StringComparison.Ordinal) ? $"{p}.type" : exception.Path is { Length: > 1 } t ? t : "$.type";
            return (at, $"Must be one of: {string.Join(", ", DiscriminatorValues(http))}.");
        }

        if (exception.Path is not { Length: > 1 } path)
        {
            return null;
        }

        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (path, "Is nested too deeply.");
        }

        return (path, ConvertedTo().Match(message) is { Success: true } converted
            ? Expected(TypeAt(FindType(converted.Groups["type"].Value), path))
            : "Cannot be read as the value this field takes.");
    }

    /// <summary>A route or query value ASP.NET Core could not bind: the parameter named as the caller sends it.</summary>
    private static (string Name, string Message)? BindProblem(HttpContext http, BadHttpRequestException exception)
    {
        if (BindFailure().Match(exception.Message) is not { Success: true } failed
            || (exception.Message.StartsWith("Required", StringComparison.Ordinal) && !exception.Message.Contains("query string", StringComparison.Ordinal)))
        {
            return null;
        }

        var name = failed.Groups["name"].Value;
        var type = Endpoint(http)?.Metadata.GetMetadata<MethodInfo>()?.GetParameters().FirstOrDefault(p => p.Name == name)?.ParameterType;
        return (name, exception.Message.StartsWith("Required", StringComparison.Ordinal) ? "Is required." : Expected(type));
    }

    /// <summary>What a value of <paramref name="type"/> looks like, with the allowed values of a choice.</summary>
    private static string Expected(Type? type)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            { IsEnum: true } => $"Must be one of: {string.Join(", ", Enum.GetNames(type))}.",
            _ when type == typeof(DateOnly) => "Must be a date (yyyy-MM-dd).",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "Must be a date and time (ISO 8601, for example 2026-01-31T12:00:00Z).",
            _ when type == typeof(bool) => "Must be true or false.",
            _ when type == typeof(int) || type == typeof(long) => "Must be a whole number.",
            _ when type == typeof(string) => "Must be text.",
            { IsArray: true } or { IsGenericType: true } => "Must be a list.",
            _ => "Cannot be read as the value this field takes.",
        };
    }

    /// <summary>The endpoint that failed: the exception handler has already cleared the request's own.</summary>
    private static Endpoint? Endpoint(HttpContext http) =>
        http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();

    /// <summary>
    /// The type of the value at a JSON path inside <paramref name="root"/>: the reader names the object it was reading
    /// (a request record), not the field's own type, so the path is followed through its properties.
    /// </summary>
    private static Type? TypeAt(Type? root, string path)
    {
        var type = root;
        foreach (Match step in PathStep().Matches(path))
        {
            if (type is null)
            {
                return null;
            }

            type = Nullable.GetUnderlyingType(type) ?? type;
            if (step.Groups["index"].Success)
            {
                type = type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
                continue;
            }

            var property = type.GetProperty(step.Groups["name"].Value, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
            {
                // Already the value's own type (the reader named the field's type itself).
                return root == type ? type : null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static Type? FindType(string name)
    {
        if (NullableOf().Match(name) is { Success: true } inner)
        {
            name = inner.Groups["type"].Value;
        }

        return Type.GetType(name) ?? AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name?.StartsWith("TicketFlow", StringComparison.Ordinal) == true)
            .Select(a => a.GetType(name)).FirstOrDefault(t => t is not null);
    }

    /// <summary>The "type" values the endpoint's polymorphic body accepts.</summary>
    private static IEnumerable<string> DiscriminatorValues(HttpContext http) =>
        Endpoint(http)?.Metadata.GetMetadata<MethodInfo>()?.GetParameters()
            .SelectMany(p => p.ParameterType.GetCustomAttributes<JsonDerivedTypeAttribute>())
            .Select(a => a.TypeDiscriminator?.ToString() ?? string.Empty).Where(v => v.Length > 0) ?? [];

    private static string Discriminators(HttpContext http) =>
        DiscriminatorValues(http).ToList() is { Count: > 0 } values ? $" (one of: {string.Join(", ", values)})" : string.Empty;

    [GeneratedRegex(@"\.(?<name>[A-Za-z_][A-Za-z0-9_]*)|\[(?<index>\d+)\]")]
    private static partial Regex PathStep();

    [GeneratedRegex("The JSON property '(?<name>[^']+)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex("could not be converted to (?<type>[^ ]+?)\\.? Path:")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex("^System\\.Nullable`1\\[\\[?(?<type>[^,\\]]+)")]
    private static partial Regex NullableOf();

    [GeneratedRegex("^(Failed to bind|Required) parameter \"[^ \"]+ (?<name>[^\" ]+)\"")]
    private static partial Regex BindFailure();
}

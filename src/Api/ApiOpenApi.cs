using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketFlow.Api.Security;

namespace TicketFlow.Api;

/// <summary>
/// What the OpenAPI document says beyond what the endpoints' signatures show: the two ways to authenticate (the
/// X-Api-Key header and an Entra ID bearer token), every answer an operation can give with its Problem Details body
/// (400, 401, 404, 409, 413, 415, 422, 429 beside its success), and the multipart bodies the upload endpoints read.
/// </summary>
internal static class ApiOpenApi
{
    private const string ApiKeyScheme = "ApiKey";
    private const string BearerScheme = "Bearer";

    private static readonly (int Status, string Description)[] ErrorAnswers =
    [
        (400, "Invalid fields or an unreadable body: `errors` names each field and what it must be."),
        (401, "No valid API key or bearer token."),
        (404, "No such record for the caller's EN (another EN's records answer the same)."),
        (409, "Not allowed in the record's current state, already exists, or an Idempotency-Key still in progress (Retry-After)."),
        (413, "The body is larger than this endpoint accepts (chunked bodies included)."),
        (415, "Unsupported content type, or a document whose bytes are not the type it claims."),
        (422, "The request cannot be processed as sent: an IWP not signed by both parties, or an Idempotency-Key reused for a different request."),
        (429, "Too many requests from this caller or client address; Retry-After says when to retry."),
    ];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "TicketFlow API";
            document.Info.Description = "Ticket to Work deadlines for Employment Networks: tickets, IWPs, contacts, disputes, S&S reviews, deadlines. "
                + "Authenticate with the X-Api-Key header or an Entra ID bearer token. Errors are RFC 9457 Problem Details. "
                + "POSTs accept an Idempotency-Key header; a repeat gets the first answer.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                In = ParameterLocation.Header,
                Description = "An EN's API key (tf_<key id>_<secret>), or the operator's administrative key for /admin.",
            };
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A Microsoft Entra ID access token for TicketFlow's audience, when Entra ID is configured.",
            };
            document.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] },
            ];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var anonymous = metadata.OfType<IAllowAnonymous>().Any();
            var method = context.Description.HttpMethod ?? "GET";
            operation.Responses ??= new OpenApiResponses();
            if (anonymous)
            {
                operation.Security = [];
            }

            if (metadata.OfType<MultipartParts>().LastOrDefault() is { } multipart)
            {
                operation.RequestBody = MultipartBody(multipart);
            }

            if (operation.Responses.Count == 0 || operation.Responses.Keys.All(k => k == "200" && method != "GET"))
            {
                operation.Responses.Remove("200");
                var success = method switch { "POST" => "202", "DELETE" => "200", _ => "200" };
                operation.Responses[success] = new OpenApiResponse
                {
                    Description = success == "202" ? "Accepted: Location names the record or the workflow's status." : "OK",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
                };
            }

            foreach (var (status, description) in ErrorAnswers)
            {
                var relevant = status switch
                {
                    401 => !anonymous,
                    409 or 413 or 415 or 422 => method is "POST" or "DELETE",
                    _ => true,
                };
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (relevant && !operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = ProblemDetails(status == 400) } },
                    };
                }
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiRequestBody MultipartBody(MultipartParts multipart)
    {
        var form = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = multipart.Parts.ToDictionary(p => p.Name, p => (IOpenApiSchema)new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = p.IsFile ? "binary" : null,
                Description = p.Description,
            }),
            Required = multipart.Parts.Where(p => p.Required).Select(p => p.Name).ToHashSet(),
        };
        var content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() { Schema = form } };
        if (multipart.AlsoJson)
        {
            content["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object, Description = multipart.Parts[0].Description } };
        }

        return new OpenApiRequestBody { Required = true, Content = content };
    }

    private static OpenApiSchema ProblemDetails(bool withErrors)
    {
        var properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
        };
        if (withErrors)
        {
            properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each invalid field, as the caller spells it, with what it must be.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return new OpenApiSchema { Type = JsonSchemaType.Object, Description = "RFC 9457 Problem Details.", Properties = properties };
    }
}

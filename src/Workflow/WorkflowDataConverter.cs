using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace TicketFlow.Workflow;

/// <summary>
/// How TicketFlow's workflow inputs, outputs, events and custom status are serialised: web-style JSON (camelCase,
/// enums by name), the shape the HTTP API shows them in. Registered as the <see cref="DataConverter"/> service, which
/// Microsoft's worker and client builders pick up.
/// </summary>
public static class WorkflowDataConverter
{
    /// <summary>The converter.</summary>
    public static DataConverter Instance { get; } = new JsonDataConverter(CreateOptions());

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

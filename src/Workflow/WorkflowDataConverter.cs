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
    /// <summary>
    /// The converter's JSON options, for hosts whose converter is built from a serializer of their own (the Azure
    /// Functions worker wraps its <c>WorkerOptions.Serializer</c>).
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    /// <summary>The converter (declared after its options: static initialisers run in order).</summary>
    public static DataConverter Instance { get; } = new JsonDataConverter(SerializerOptions);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }
}

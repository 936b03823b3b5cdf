using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TicketFlow.Workflow.Iwps;

/// <summary>
/// The IWP's JSON form: camelCase members, enums as camelCase strings, dates as yyyy-MM-dd, unknown members rejected.
/// schemas/iwp.schema.json describes the same shape (a test keeps the two in step).
/// </summary>
public static class IwpJson
{
    /// <summary>The serializer options that define the shape.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads an IWP.</summary>
    /// <exception cref="IwpFormatException">The text is not JSON, or not an IWP object of the published shape.</exception>
    public static Iwp Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            var iwp = JsonSerializer.Deserialize<Iwp>(json, Options)
                ?? throw new IwpFormatException("The file holds null, not an IWP object.");
            RejectNullItems(iwp);
            RejectNegativeAmounts(iwp);
            return iwp;
        }
        catch (JsonException error)
        {
            throw new IwpFormatException(Describe(error), error);
        }
    }

    /// <summary>Writes an IWP in the published shape, indented.</summary>
    public static string Serialize(Iwp iwp) => JsonSerializer.Serialize(iwp, Options);

    // Array items are objects or strings, never null (the schema says so); the reader does not enforce that for
    // collection elements, so it is checked here rather than in every consumer.
    private static void RejectNullItems(Iwp iwp)
    {
        NoNulls(iwp.Services, "$.services");
        NoNulls(iwp.WorkHistory?.Jobs, "$.workHistory.jobs");
        NoNulls(iwp.TermsAndConditions?.Additional, "$.termsAndConditions.additional");
    }

    // The schema's "amount" (hours, monthly earnings) and monthsCovered have "minimum": 0. The reader accepts any
    // number, so a negative one is refused here as not matching the published shape, like any other schema violation.
    private static void RejectNegativeAmounts(Iwp iwp)
    {
        NotNegative(iwp.WorkHistory?.MonthsCovered, "$.workHistory.monthsCovered");
        var jobs = iwp.WorkHistory?.Jobs ?? [];
        for (var i = 0; i < jobs.Count; i++)
        {
            NotNegative(jobs[i].HoursPerWeek, string.Create(CultureInfo.InvariantCulture, $"$.workHistory.jobs[{i}].hoursPerWeek"));
            NotNegative(jobs[i].MonthlyEarnings, string.Create(CultureInfo.InvariantCulture, $"$.workHistory.jobs[{i}].monthlyEarnings"));
        }

        foreach (var (goal, path) in new[] { (iwp.Goals?.ShortTerm, "$.goals.shortTerm"), (iwp.Goals?.LongTerm, "$.goals.longTerm") })
        {
            NotNegative(goal?.HoursPerWeek, path + ".hoursPerWeek");
            NotNegative(goal?.MonthlyEarnings, path + ".monthlyEarnings");
        }
    }

    private static void NotNegative(decimal? value, string path)
    {
        if (value < 0)
            throw new IwpFormatException(string.Create(CultureInfo.InvariantCulture, $"Invalid IWP at {path}: {value} is negative; the schema's minimum is 0."));
    }

    private static void NoNulls<T>(IReadOnlyList<T>? items, string path)
        where T : class
    {
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            if (items[i] is null)
                throw new IwpFormatException(string.Create(CultureInfo.InvariantCulture, $"Invalid IWP at {path}[{i}]: null is not allowed in this list."));
        }
    }

    private static string Describe(JsonException error)
    {
        var where = error.Path is { Length: > 0 } path ? path : "$";
        var line = error.LineNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $" (line {n + 1})") : "";
        var message = error.Message;
        string reason;
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            var member = end > start ? message[(start + 1)..end] : "?";
            reason = $"unknown member '{member}'";
        }
        else if (message.StartsWith("Duplicate property", StringComparison.Ordinal))
        {
            reason = "a member appears twice";
        }
        else if (message.Contains("expected one of", StringComparison.Ordinal))
        {
            var start = message.IndexOf("expected one of", StringComparison.Ordinal);
            var end = message.IndexOf('.', start);
            reason = "not an allowed value; " + (end > start ? message[start..end] : message[start..]);
        }
        else if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            reason = "value of the wrong type or form (dates are yyyy-MM-dd, numbers are plain numbers, texts are strings)";
        }
        else
        {
            // Syntax errors: keep the reader's own description, without the location it appends.
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            reason = "not valid JSON: " + (cut > 0 ? message[..cut] : message).TrimEnd('.');
        }

        return $"Invalid IWP at {where}{line}: {reason}.";
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            AllowTrailingCommas = false,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new StrictEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

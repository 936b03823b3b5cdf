using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TicketFlow.Workflow.Iwps;
using TicketFlow.Workflow.Tests.Support;

namespace TicketFlow.Workflow.Tests.Iwps;

/// <summary>The published schema, the sample and the C# records describe one shape.</summary>
public class IwpSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.SchemaPath)).RootElement;

    [Fact]
    public void The_schema_declares_JSON_Schema_2020_12()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", Schema.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Every_record_member_is_in_the_schema_with_the_same_type_and_nothing_else_is()
    {
        var differences = new List<string>();
        CompareObject(typeof(Iwp), Schema, "$", differences);
        Assert.Empty(differences);
    }

    [Fact]
    public void The_sample_IWP_is_valid_against_the_schema()
    {
        var sample = JsonDocument.Parse(RepositoryFiles.SampleIwpJson).RootElement;
        Assert.Empty(new MiniJsonSchemaValidator(Schema).Validate(sample));
    }

    [Fact]
    public void The_sample_IWP_deserialises_and_round_trips_without_losing_a_member()
    {
        var iwp = IwpJson.Deserialize(RepositoryFiles.SampleIwpJson);
        var written = JsonDocument.Parse(IwpJson.Serialize(iwp)).RootElement;
        var original = JsonDocument.Parse(RepositoryFiles.SampleIwpJson).RootElement;
        Assert.True(JsonElement.DeepEquals(original, written), "The sample does not survive a read and write unchanged.");
    }

    [Theory]
    [InlineData("/surname", "\"Example\"")]                         // unknown member at the root
    [InlineData("/signatures/ticketholder/witness", "\"X\"")]       // unknown member deep down
    [InlineData("/discussion/modality", "\"inPerson\"")]            // not an enum value
    [InlineData("/discussion/modality", "\"FaceToFace\"")]          // enum values are camelCase
    [InlineData("/discussion/modality", "1")]                       // no enum numbers
    [InlineData("/signatures/ticketholder/date", "\"2025-6-3\"")]   // dates are yyyy-MM-dd
    [InlineData("/signatures/ticketholder/date", "\"2025-02-30\"")] // no such day
    [InlineData("/goals/shortTerm/monthlyEarnings", "\"1250\"")]    // numbers are numbers
    [InlineData("/services/0", "null")]                            // no null list items
    [InlineData("/services/0/checked", "\"yes\"")]
    [InlineData("/workHistory/monthsCovered", "18.5")]
    [InlineData("/ticketholder", "[]")]
    public void A_document_of_the_wrong_shape_is_refused_by_both_the_schema_and_the_reader(string path, string value)
    {
        var json = RepositoryFiles.SampleWith(path, value);
        Assert.NotEmpty(new MiniJsonSchemaValidator(Schema).Validate(JsonDocument.Parse(json).RootElement));
        var error = Assert.Throws<IwpFormatException>(() => IwpJson.Deserialize(json));
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith("Invalid IWP at $", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/goals", null)]
    [InlineData("/statementOfUnderstanding", "null")]
    [InlineData("/signatures/ticketholder/date", "null")]
    [InlineData("/services", "[]")]
    [InlineData("/discussion/modality", "null")]
    public void An_incomplete_document_of_the_right_shape_is_accepted_by_both(string path, string? value)
    {
        var json = RepositoryFiles.SampleWith(path, value);
        Assert.Empty(new MiniJsonSchemaValidator(Schema).Validate(JsonDocument.Parse(json).RootElement));
        IwpJson.Deserialize(json);
    }

    [Fact]
    public void An_unknown_member_is_named_in_the_error()
    {
        var error = Assert.Throws<IwpFormatException>(() => IwpJson.Deserialize(RepositoryFiles.SampleWith("/surname", "1")));
        Assert.Contains("unknown member 'surname'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"an IWP\"")]
    [InlineData("{\"services\": [1]}")]
    [InlineData("{\"statementOfUnderstanding\": \"a\", \"statementOfUnderstanding\": \"b\"}")] // duplicate member
    public void Text_that_is_not_an_IWP_object_gives_one_line_error(string json)
    {
        var error = Assert.Throws<IwpFormatException>(() => IwpJson.Deserialize(json));
        Assert.DoesNotContain('\n', error.Message);
    }

    private static JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
            schema = Schema.GetProperty("$defs").GetProperty(reference.GetString()!["#/$defs/".Length..]);
        return schema;
    }

    private static HashSet<string> Types(JsonElement schema)
    {
        var type = Resolve(schema).GetProperty("type");
        return type.ValueKind == JsonValueKind.Array ? [.. type.EnumerateArray().Select(t => t.GetString()!)] : [type.GetString()!];
    }

    private static void CompareObject(Type type, JsonElement schema, string path, List<string> differences)
    {
        schema = Resolve(schema);
        if (!schema.TryGetProperty("additionalProperties", out var extra) || extra.ValueKind != JsonValueKind.False)
            differences.Add($"{path}: additionalProperties is not false");
        var info = IwpJson.Options.GetTypeInfo(type);
        var members = info.Properties.ToDictionary(p => p.Name);
        var schemaMembers = schema.GetProperty("properties").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        foreach (var name in schemaMembers.Keys.Except(members.Keys))
            differences.Add($"{path}.{name}: in the schema, not in {type.Name}");
        foreach (var name in members.Keys.Except(schemaMembers.Keys))
            differences.Add($"{path}.{name}: in {type.Name}, not in the schema");
        foreach (var (name, member) in members)
        {
            if (schemaMembers.TryGetValue(name, out var memberSchema))
                CompareValue(member.PropertyType, member.IsSetNullable, memberSchema, $"{path}.{name}", differences);
        }
    }

    private static void CompareValue(Type type, bool nullable, JsonElement schema, string path, List<string> differences)
    {
        var types = Types(schema);
        if (types.Contains("null") != nullable)
            differences.Add($"{path}: nullable is {nullable} in C#, schema types are {string.Join(",", types)}");
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var resolved = Resolve(schema);
        string expected;
        if (underlying == typeof(string)) expected = "string";
        else if (underlying == typeof(bool)) expected = "boolean";
        else if (underlying == typeof(int)) expected = "integer";
        else if (underlying == typeof(decimal)) expected = "number";
        else if (underlying == typeof(DateOnly))
        {
            expected = "string";
            if (!resolved.TryGetProperty("format", out var format) || format.GetString() != "date")
                differences.Add($"{path}: a DateOnly without format date");
        }
        else if (underlying.IsEnum)
        {
            expected = "string";
            var names = Enum.GetNames(underlying).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)).Order().ToList();
            var listed = resolved.GetProperty("enum").EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).Order().ToList();
            if (!names.SequenceEqual(listed))
                differences.Add($"{path}: enum {string.Join(",", names)} vs schema {string.Join(",", listed)}");
        }
        else if (underlying.IsGenericType && underlying.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            expected = "array";
            var item = underlying.GetGenericArguments()[0];
            var itemSchema = resolved.GetProperty("items");
            if (Types(itemSchema).Contains("null"))
                differences.Add($"{path}[]: list items may not be null");
            if (item == typeof(string))
            {
                if (!Types(itemSchema).Contains("string"))
                    differences.Add($"{path}[]: string items expected");
            }
            else
            {
                CompareObject(item, itemSchema, path + "[]", differences);
            }
        }
        else
        {
            expected = "object";
            CompareObject(underlying, schema, path, differences);
        }

        if (!types.Contains(expected))
            differences.Add($"{path}: C# {underlying.Name} is JSON {expected}, schema says {string.Join(",", types)}");
    }
}

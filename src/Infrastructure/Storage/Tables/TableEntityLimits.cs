using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Azure.Data.Tables;

namespace TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// The Table service's size limits (learn.microsoft.com "Understanding the Table service data model"), checked
/// before a request is sent so that an oversized record fails with a clear message rather than a 400 from the
/// service, and nothing is half-written. Azure.Data.Tables sends whatever it is given and leaves these checks to the
/// service; Azurite measures an entity by the UTF-8 size of its JSON body instead of the service's UTF-16 count, so
/// <see cref="MeasuredBytes(TableEntity)"/> reports the larger of the two.
/// </summary>
public static class TableEntityLimits
{
    /// <summary>The largest entity, in bytes, as the service measures it (1 MiB).</summary>
    public const int MaxEntityBytes = 1024 * 1024;

    /// <summary>The largest string property, in characters (64 KiB of UTF-16).</summary>
    public const int MaxStringChars = 32 * 1024;

    /// <summary>The largest binary property, in bytes (64 KiB).</summary>
    public const int MaxBinaryBytes = 64 * 1024;

    /// <summary>The most custom properties (255 including PartitionKey, RowKey and Timestamp).</summary>
    public const int MaxCustomProperties = 252;

    /// <summary>The longest property name, in characters.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>
    /// Checks keys, property names, value sizes and the whole entity's size; returns the size the service would
    /// count (4 + 2 x key characters + for each property 8 + 2 x name characters + the value's size).
    /// </summary>
    /// <param name="partitionKey">The partition key.</param>
    /// <param name="rowKey">The row key.</param>
    /// <param name="properties">Custom properties as Edm values.</param>
    /// <returns>The entity's size in bytes.</returns>
    /// <exception cref="ArgumentException">A limit is exceeded; the message names the property and the limit.</exception>
    public static long Validate(string partitionKey, string rowKey, IReadOnlyDictionary<string, object?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        TableKeys.Validate(partitionKey, "PartitionKey");
        TableKeys.Validate(rowKey, "RowKey");
        if (properties.Count > MaxCustomProperties)
        {
            throw new ArgumentException(
                $"The entity has {properties.Count} properties; Azure Table Storage allows at most {MaxCustomProperties}.",
                nameof(properties));
        }

        long size = 4 + ((partitionKey.Length + rowKey.Length) * 2);
        foreach (var (name, value) in properties)
        {
            ValidateName(name);
            size += 8 + (name.Length * 2) + ValueSize(name, value);
        }

        if (size > MaxEntityBytes)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The entity ({partitionKey} / {rowKey}) is {size:N0} bytes; Azure Table Storage allows at most {MaxEntityBytes:N0} (1 MiB). Store large content as a blob and keep its name in the entity."),
                nameof(properties));
        }

        return size;
    }

    /// <summary>Checks an SDK entity (keys, names, value sizes, whole size) before it is sent.</summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The entity's measured size in bytes (<see cref="MeasuredBytes(TableEntity)"/>).</returns>
    /// <exception cref="ArgumentException">A limit is exceeded; the message names the property and the limit.</exception>
    public static long Validate(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var properties = CustomProperties(entity);
        var utf16 = Validate(entity.PartitionKey, entity.RowKey, properties);
        if (FitsWithoutMeasuring(entity))
        {
            return utf16;
        }

        var measured = MeasuredBytes(entity);
        if (measured > MaxEntityBytes)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The entity ({entity.PartitionKey} / {entity.RowKey}) is {measured:N0} bytes as sent; Azure Table Storage allows at most {MaxEntityBytes:N0} (1 MiB). Store large content as a blob and keep its name in the entity."),
                nameof(entity));
        }

        return measured;
    }

    /// <summary>
    /// The entity's size as the service counts it (UTF-16: 4 + 2 x key characters + for each property 8 + 2 x name
    /// characters + the value's size) or as its JSON body is sent (UTF-8, with System.Text.Json's escaping), whichever
    /// is larger: what decides whether it fits is the measured size after serialization.
    /// </summary>
    /// <param name="entity">The entity.</param>
    /// <returns>The size in bytes.</returns>
    public static long MeasuredBytes(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long utf16 = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2L);
        long utf8 = 2 + JsonBytes("PartitionKey", entity.PartitionKey) + JsonBytes("RowKey", entity.RowKey);
        foreach (var (name, value) in CustomProperties(entity))
        {
            utf16 += 8 + (name.Length * 2L) + ValueSize(name, value);
            utf8 += value switch
            {
                null => 0,
                string s => JsonBytes(name, s),
                byte[] b => JsonBytes(name, string.Empty) + (((b.Length + 2) / 3) * 4) + 40, // base64 and its odata.type annotation
                _ => JsonBytes(name, string.Empty) + 64, // a number, date or guid with its annotation
            };
        }

        return Math.Max(utf16, utf8);
    }

    /// <summary>
    /// Whether the entity fits within <paramref name="budgetBytes"/> without measuring it: no character takes more than
    /// six bytes once escaped (\uXXXX), so six bytes a character plus 64 a property bounds both the service's count
    /// and the JSON body. True for nearly every entity, which then skips the exact (allocating) measure.
    /// </summary>
    /// <param name="entity">The entity.</param>
    /// <param name="budgetBytes">The size it must stay within; 1 MiB when not given.</param>
    /// <returns>True when the bound is within the budget; false means "measure it".</returns>
    public static bool FitsWithoutMeasuring(TableEntity entity, long budgetBytes = MaxEntityBytes)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long bound = 64 + (6L * (entity.PartitionKey.Length + entity.RowKey.Length));
        foreach (var (key, value) in entity)
        {
            bound += 64 + (6L * key.Length) + value switch { string s => 6L * s.Length, byte[] b => 2L * b.Length, BinaryData d => 2L * d.ToMemory().Length, _ => 64 };
        }

        return bound <= budgetBytes;
    }

    /// <summary>The UTF-8 size of one string value written as a JSON property, escaped as the SDK's writer escapes it.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped size in bytes, without the name.</returns>
    public static long EscapedUtf8Bytes(string value) =>
        JsonEncodedText.Encode(value ?? string.Empty, JavaScriptEncoder.Default).EncodedUtf8Bytes.Length;

    private static long JsonBytes(string name, string value) => EscapedUtf8Bytes(name) + EscapedUtf8Bytes(value) + 6; // quotes, colon, comma

    private static Dictionary<string, object?> CustomProperties(TableEntity entity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            properties[name] = value is BinaryData binary ? binary.ToArray() : value;
        }

        return properties;
    }

    private static long ValueSize(string name, object? value) => value switch
    {
        null => 0,
        string s when s.Length > MaxStringChars => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Property '{name}' is {s.Length:N0} characters; Azure Table Storage allows at most {MaxStringChars:N0} (64 KiB) in one string property."),
            nameof(value)),
        string s => 4 + (s.Length * 2L),
        byte[] b when b.Length > MaxBinaryBytes => throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"Property '{name}' is {b.Length:N0} bytes; Azure Table Storage allows at most {MaxBinaryBytes:N0} (64 KiB) in one binary property."),
            nameof(value)),
        byte[] b => 4 + b.Length,
        bool => 1,
        int => 4,
        long or double or DateTimeOffset or DateTime => 8,
        Guid => 16,
        _ => throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which is not an Edm type.", nameof(value)),
    };

    private static void ValidateName(string name)
    {
        var valid = name.Length is > 0 and <= MaxPropertyNameLength
            && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            throw new ArgumentException(
                $"'{name}' is not a valid property name: use 1-{MaxPropertyNameLength} letters, digits or '_', starting with a letter or '_'.",
                nameof(name));
        }
    }
}

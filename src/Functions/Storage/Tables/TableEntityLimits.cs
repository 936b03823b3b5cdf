using System.Globalization;

namespace TicketFlow.Functions.Storage.Tables;

/// <summary>
/// The Table service's size limits (learn.microsoft.com "Understanding the Table service data model"), checked
/// before a request is sent so that an oversized record fails with a clear message rather than a 400 from the
/// service, and nothing is half-written.
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
        long or double or DateTimeOffset => 8,
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

using System.Globalization;
using System.Text;

namespace TicketFlow.Infrastructure.Storage.Tables;

/// <summary>
/// The one place partition and row keys are built and checked. Azure Table Storage forbids / \ # ? and control
/// characters (U+0000-U+001F, U+007F-U+009F) in keys and limits each key to 1 KiB (1,024 characters);
/// <see cref="Create"/> escapes them reversibly so any id can be used, and <see cref="Validate"/> refuses a raw
/// key before any request is sent.
/// </summary>
public static class TableKeys
{
    /// <summary>The largest key the service accepts, in characters (1 KiB).</summary>
    public const int MaxKeyLength = 1024;

    /// <summary>Separates the parts of a composite key. Sorts before digits and letters, so a prefix sorts first.</summary>
    public const char Separator = '|';

    // The escape character is '~' rather than '%': '%' in keys is mis-decoded by some service operations.
    private const char EscapeChar = '~';

    /// <summary>
    /// Builds a key from one or more parts, escaping each part so that forbidden characters, the separator and
    /// the escape character cannot appear raw. Parts are joined with <see cref="Separator"/>; the ordering of a key
    /// built from (a, b) is that of a, then b, as long as the parts contain no escaped characters.
    /// </summary>
    /// <param name="parts">The key's parts, e.g. an EN id and a due date in yyyy-MM-dd.</param>
    /// <returns>A key the service accepts.</returns>
    /// <exception cref="ArgumentException">No parts, a null part, or the key would exceed 1,024 characters.</exception>
    public static string Create(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Length == 0)
        {
            throw new ArgumentException("A table key needs at least one part.", nameof(parts));
        }

        var sb = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i] is null)
            {
                throw new ArgumentException($"Part {i} of the table key is null.", nameof(parts));
            }

            if (i > 0)
            {
                sb.Append(Separator);
            }

            Escape(parts[i], sb);
        }

        var key = sb.ToString();
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The table key would be {key.Length:N0} characters; Azure Table Storage allows at most {MaxKeyLength:N0}.",
                nameof(parts));
        }

        return key;
    }

    /// <summary>Escapes one key part (no length check). Reversed by <see cref="Unescape"/>.</summary>
    /// <param name="part">Any string.</param>
    /// <returns>The part with forbidden characters, '|' and '~' written as ~XX (two hex digits; every such character is below U+0100).</returns>
    public static string Escape(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var sb = new StringBuilder(part.Length);
        Escape(part, sb);
        return sb.ToString();
    }

    /// <summary>Reverses <see cref="Escape(string)"/> for one part.</summary>
    /// <param name="escaped">An escaped part.</param>
    /// <returns>The original part.</returns>
    /// <exception cref="FormatException">The text is not a valid escaped part.</exception>
    public static string Unescape(string escaped)
    {
        ArgumentNullException.ThrowIfNull(escaped);
        var sb = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != EscapeChar)
            {
                sb.Append(c);
                continue;
            }

            if (i + 2 >= escaped.Length
                || !byte.TryParse(escaped.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{escaped}' is not a valid escaped table key part (bad escape at {i}).");
            }

            sb.Append((char)code);
            i += 2;
        }

        return sb.ToString();
    }

    /// <summary>Splits a key built by <see cref="Create"/> back into its original parts.</summary>
    /// <param name="key">A key built by <see cref="Create"/>.</param>
    /// <returns>The original parts.</returns>
    public static IReadOnlyList<string> Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Split(Separator).Select(Unescape).ToArray();
    }

    /// <summary>
    /// Refuses a key the service would reject, before any request is sent: null, longer than 1,024 characters, or
    /// containing / \ # ? or a control character.
    /// </summary>
    /// <param name="key">The key to check.</param>
    /// <param name="paramName">The parameter name for the error (PartitionKey or RowKey).</param>
    /// <exception cref="ArgumentException">The key is not acceptable; the message names the character and its position.</exception>
    public static void Validate(string? key, string paramName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(paramName, $"The {paramName} must not be null.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException(
                $"The {paramName} is {key.Length:N0} characters; Azure Table Storage allows at most {MaxKeyLength:N0}.",
                paramName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            if (IsForbidden(key[i]))
            {
                throw new ArgumentException(
                    $"The {paramName} contains the character {Describe(key[i])} at position {i}, which Azure Table Storage " +
                    "does not allow in keys (/ \\ # ? and control characters). Build keys with TableKeys.Create.",
                    paramName);
            }
        }
    }

    /// <summary>Whether the service forbids <paramref name="c"/> in a partition or row key.</summary>
    /// <param name="c">A character.</param>
    /// <returns>True for / \ # ? and U+0000-U+001F, U+007F-U+009F.</returns>
    public static bool IsForbidden(char c) =>
        c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F';

    private static void Escape(string part, StringBuilder sb)
    {
        foreach (var c in part)
        {
            if (IsForbidden(c) || c == Separator || c == EscapeChar)
            {
                // All escaped characters are at most U+00FF, so two hex digits are enough.
                sb.Append(EscapeChar).Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static string Describe(char c) =>
        char.IsControl(c) ? $"U+{(int)c:X4} (a control character)" : $"'{c}'";
}

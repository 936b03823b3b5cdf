using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using TicketFlow.Workflow.Calendar;

namespace TicketFlow.Api;

/// <summary>Field checks shared by the endpoints, collected into one 400 with every problem at once.</summary>
internal sealed partial class ApiValidation
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    /// <summary>An id that can name records and documents: 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public ApiValidation Id(string field, string? value)
    {
        if (value is null || !IdPattern().IsMatch(value))
        {
            Add(field, "Must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        return this;
    }

    /// <summary>The earliest date the rules can count from: the federal calendar's first year.</summary>
    public static readonly DateOnly FirstDate = new(FederalCalendar.FirstSupportedYear, 1, 1);

    /// <summary>
    /// The latest date accepted: deadlines and the retention period run years past a date they start from, and all of
    /// them must still fall inside the federal calendar.
    /// </summary>
    public static readonly DateOnly LastDate = new(FederalCalendar.LastSupportedYear - 10, 12, 31);

    /// <summary>A date the rules can count from and to: inside the federal calendar, with room for the deadlines it starts.</summary>
    public ApiValidation Date(string field, DateOnly? value)
    {
        if (value is { } date && (date < FirstDate || date > LastDate))
        {
            Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be between {FirstDate:yyyy-MM-dd} and {LastDate:yyyy-MM-dd} (the federal calendar the deadlines are counted on)."));
        }

        return this;
    }

    /// <summary>An instant inside the same range as <see cref="Date"/>.</summary>
    public ApiValidation Instant(string field, DateTimeOffset? value) =>
        value is { } instant ? Date(field, DateOnly.FromDateTime(instant.UtcDateTime)) : this;

    /// <summary>A list of ids: 1 to <paramref name="maxCount"/> entries, each an <see cref="Id"/>, named by its index.</summary>
    public ApiValidation Ids(string field, IReadOnlyList<string?>? values, int maxCount)
    {
        if (values is not { Count: > 0 } || values.Count > maxCount)
        {
            return Add(field, string.Create(CultureInfo.InvariantCulture, $"List 1 to {maxCount} entries."));
        }

        for (var i = 0; i < values.Count; i++)
        {
            Id(string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]"), values[i]);
        }

        return this;
    }

    /// <summary>
    /// Free text of at most <paramref name="maxLength"/> characters as it is stored: records are kept as JSON, in which a
    /// quote, '&lt;', '&gt;', '&amp;', '+', an apostrophe or a character beyond ASCII is written as a six-character escape, so
    /// that is what counts. A text that fits here fits in storage however it is spelt.
    /// </summary>
    public ApiValidation Text(string field, string? value, int maxLength, bool required = true)
    {
        if (value is null || value.Length == 0)
        {
            if (required)
            {
                Add(field, "Is required.");
            }
        }
        else if (value.Length > maxLength || StoredLength(value) > maxLength)
        {
            Add(field, string.Create(CultureInfo.InvariantCulture,
                $"Must be at most {maxLength} characters as stored ({StoredLength(value)} here: quotes, '<', '>', '&', '+', apostrophes and characters beyond ASCII count as 6)."));
        }
        else if (value.Any(char.IsControl) && value.Any(c => c is not ('\n' or '\r' or '\t') && char.IsControl(c)))
        {
            Add(field, "Must not contain control characters.");
        }

        return this;
    }

    public ApiValidation NotInFuture(string field, DateOnly value, DateOnly today)
    {
        if (value < FirstDate)
        {
            Date(field, value);
        }
        else if (value > today)
        {
            Add(field, $"Must not be after today ({today:yyyy-MM-dd} in the EN's time zone).");
        }

        return this;
    }

    public ApiValidation Add(string field, string message)
    {
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
        return this;
    }

    /// <summary>How many characters a text takes in the stored JSON (the storage writes with the default escaping).</summary>
    public static int StoredLength(string value) =>
        value.Length > 100_000 ? int.MaxValue : JsonEncodedText.Encode(value).EncodedUtf8Bytes.Length;

    public IResult Problem() => TypedResults.ValidationProblem(_errors, title: "The request has invalid fields.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}

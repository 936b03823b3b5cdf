using System.Text.RegularExpressions;

namespace TicketFlow.Functions.Api;

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

    public ApiValidation Text(string field, string? value, int maxLength, bool required = true)
    {
        if (value is null || value.Length == 0)
        {
            if (required)
            {
                Add(field, "Is required.");
            }
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"Must be at most {maxLength} characters.");
        }
        else if (value.Any(char.IsControl) && value.Any(c => c is not ('\n' or '\r' or '\t') && char.IsControl(c)))
        {
            Add(field, "Must not contain control characters.");
        }

        return this;
    }

    public ApiValidation NotInFuture(string field, DateOnly value, DateOnly today)
    {
        if (value > today)
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

    public IResult Problem() => TypedResults.ValidationProblem(_errors, title: "The request has invalid fields.");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdPattern();
}

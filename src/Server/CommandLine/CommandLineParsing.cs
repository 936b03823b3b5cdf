using System.Globalization;

namespace TicketFlow.Server.CommandLine;

/// <summary>Strict parsing of command-line values, with messages a user can act on.</summary>
internal static class CommandLineParsing
{
    public static bool TryParseDate(string? text, out DateOnly date, out string? problem)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            problem = null;
            return true;
        }

        problem = $"'{text}' is not a date in yyyy-MM-dd form (for example 2025-03-10)";
        return false;
    }

    public static bool TryParseYear(string? text, int first, int last, out int year, out string? problem)
    {
        if (text is { Length: 4 } && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= first && year <= last)
        {
            problem = null;
            return true;
        }

        year = 0;
        problem = string.Create(CultureInfo.InvariantCulture, $"'{text}' is not a year from {first} to {last}");
        return false;
    }
}

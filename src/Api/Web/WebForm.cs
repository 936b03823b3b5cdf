using System.Text;
using static TicketFlow.Api.Web.Html;

namespace TicketFlow.Api.Web;

/// <summary>
/// A form's fields with the API's answer beside them: each field is named as the API names it, so a Problem Details
/// error for <c>on</c> is shown under the "Date" field (linked from the summary, announced, and marked
/// <c>aria-invalid</c>); an error for no field on the form goes into the summary.
/// </summary>
/// <param name="Values">What the staff member typed (to show it again after a refusal), or null on a new form.</param>
/// <param name="Answer">The API's refusal, or null.</param>
internal sealed class WebForm(IFormCollection? Values, ApiAnswer? Answer)
{
    private readonly HashSet<string> _shown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By form field, the API fields whose errors are shown beside it (see <see cref="Input"/>'s <c>about</c>).</summary>
    private readonly Dictionary<string, string[]> _about = new(StringComparer.OrdinalIgnoreCase);

    private IReadOnlyDictionary<string, string[]> Errors { get; } = Answer?.Errors ?? new Dictionary<string, string[]>();

    /// <summary>The value typed into a field, or the default.</summary>
    public string Value(string name, string? fallback = null) => Values is not null ? Values[name].ToString() : fallback ?? string.Empty;

    /// <summary>An input with its label, hint and errors.</summary>
    /// <param name="name">The field's name, as the API names it.</param>
    /// <param name="label">The visible label.</param>
    /// <param name="type">The input type.</param>
    /// <param name="value">The default value.</param>
    /// <param name="hint">A hint under the label.</param>
    /// <param name="required">Whether the field is required.</param>
    /// <param name="extra">More attributes, already encoded.</param>
    /// <param name="about">
    /// API fields inside this one whose errors belong beside it: an uploaded plan's own fields (<c>signatures</c>,
    /// <c>$.goal</c>) are not on the form, the file that holds them is. A name matches itself and what is below it.
    /// </param>
    public string Input(string name, string label, string type = "text", string? value = null, string? hint = null, bool required = true, string? extra = null, string[]? about = null) =>
        Control(name, label, hint, about, (describedBy, invalid) =>
            $"<input id=\"f-{E(name)}\" name=\"{E(name)}\" type=\"{type}\" value=\"{E(Value(name, value))}\"{(required ? " required" : "")}{describedBy}{invalid}{(extra is null ? "" : " " + extra)}>");

    /// <summary>A multi-line text field.</summary>
    public string TextArea(string name, string label, string? hint = null, bool required = true) =>
        Control(name, label, hint, null, (describedBy, invalid) =>
            $"<textarea id=\"f-{E(name)}\" name=\"{E(name)}\" rows=\"4\"{(required ? " required" : "")}{describedBy}{invalid}>{E(Value(name))}</textarea>");

    /// <summary>A choice from a list: (value, text) pairs.</summary>
    public string Select(string name, string label, IEnumerable<(string Value, string Text)> options, string? selected = null, string? hint = null) =>
        Control(name, label, hint, null, (describedBy, invalid) =>
        {
            var current = Value(name, selected);
            var items = string.Concat(options.Select(o => $"<option value=\"{E(o.Value)}\"{(o.Value == current ? " selected" : "")}>{E(o.Text)}</option>"));
            return $"<select id=\"f-{E(name)}\" name=\"{E(name)}\"{describedBy}{invalid}>{items}</select>";
        });

    /// <summary>A checkbox (sent as <c>true</c> when ticked).</summary>
    public string Checkbox(string name, string label, string? hint = null)
    {
        _shown.Add(name);
        var ticked = Values is not null && Values[name].ToString() == "true";
        var errors = FieldErrors(name);
        var describedBy = DescribedBy(name, hint, errors);
        return $"<div class=\"field check\"><input id=\"f-{E(name)}\" name=\"{E(name)}\" type=\"checkbox\" value=\"true\"{(ticked ? " checked" : "")}{describedBy}>" +
            $"<label for=\"f-{E(name)}\">{E(label)}</label>{Hint(name, hint)}{ErrorList(name, errors)}</div>";
    }

    /// <summary>
    /// The error summary at the top of the form (after the fields are written, so it knows which errors had no field):
    /// the API's message and a link to each field in error.
    /// </summary>
    public string Summary()
    {
        if (Answer is null || Answer.Succeeded)
        {
            return string.Empty;
        }

        var html = new StringBuilder("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"error-summary\"><h2>The request was not accepted</h2>");
        html.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{E(Answer.Message ?? "The request was refused.")}</p><ul>");
        foreach (var (field, messages) in Errors)
        {
            var name = Owner(field);
            foreach (var message in messages)
            {
                html.Append(_shown.Contains(name)
                    ? $"<li><a href=\"#f-{E(name)}\">{E(message)}</a></li>"
                    : $"<li>{E(field)}: {E(message)}</li>");
            }
        }

        return html.Append("</ul></div>").ToString();
    }

    /// <summary>A form field's name from the API's: a JSON path (<c>$.on</c>) or a plain name.</summary>
    private static string FieldName(string apiField) => apiField.StartsWith("$.", StringComparison.Ordinal) ? apiField[2..] : apiField;

    /// <summary>Whether the API's field <paramref name="apiField"/> is <paramref name="about"/> or below it (<c>signatures.ticketholder.date</c>, <c>$[0]</c>).</summary>
    private static bool Within(string apiField, string about) =>
        string.Equals(apiField, about, StringComparison.OrdinalIgnoreCase)
        || (apiField.Length > about.Length && apiField.StartsWith(about, StringComparison.OrdinalIgnoreCase) && apiField[about.Length] is '.' or '[');

    /// <summary>The form field an API field's errors are shown beside: the field of its name, else the one it is inside.</summary>
    private string Owner(string apiField)
    {
        var name = FieldName(apiField);
        return _shown.Contains(name) ? name
            : _about.FirstOrDefault(a => a.Value.Any(about => Within(apiField, about))).Key ?? name;
    }

    private string[] FieldErrors(string name) =>
        [.. Errors.Where(e => string.Equals(FieldName(e.Key), name, StringComparison.OrdinalIgnoreCase)
            || (_about.TryGetValue(name, out var about) && about.Any(a => Within(e.Key, a)))).SelectMany(e => e.Value)];

    private string Control(string name, string label, string? hint, string[]? about, Func<string, string, string> control)
    {
        _shown.Add(name);
        _about[name] = about ?? [];
        var errors = FieldErrors(name);
        var describedBy = DescribedBy(name, hint, errors);
        var invalid = errors.Length > 0 ? " aria-invalid=\"true\"" : string.Empty;
        return $"<div class=\"field{(errors.Length > 0 ? " invalid" : "")}\"><label for=\"f-{E(name)}\">{E(label)}</label>{Hint(name, hint)}{ErrorList(name, errors)}{control(describedBy, invalid)}</div>";
    }

    private static string DescribedBy(string name, string? hint, string[] errors)
    {
        var ids = new List<string>();
        if (hint is not null)
        {
            ids.Add($"h-{name}");
        }

        if (errors.Length > 0)
        {
            ids.Add($"e-{name}");
        }

        return ids.Count == 0 ? string.Empty : $" aria-describedby=\"{E(string.Join(' ', ids))}\"";
    }

    private static string Hint(string name, string? hint) => hint is null ? string.Empty : $"<p class=\"hint\" id=\"h-{E(name)}\">{E(hint)}</p>";

    private static string ErrorList(string name, string[] errors) =>
        errors.Length == 0 ? string.Empty
        : $"<p class=\"error\" id=\"e-{E(name)}\"><span class=\"visually-hidden\">Error: </span>{string.Join(" ", errors.Select(E))}</p>";
}

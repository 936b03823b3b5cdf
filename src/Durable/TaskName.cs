namespace TicketFlow.Durable;

/// <summary>
/// The name (and optional version) of an orchestrator or activity, as in Microsoft.DurableTask.
/// Converts implicitly from a string so callers can write <c>nameof(MyActivity)</c>.
/// </summary>
public readonly record struct TaskName
{
    /// <summary>Creates a task name.</summary>
    /// <param name="name">The task's name; by convention the class name.</param>
    /// <param name="version">An optional version string.</param>
    public TaskName(string name, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Version = version ?? string.Empty;
    }

    /// <summary>The task's name.</summary>
    public string Name { get; }

    /// <summary>The task's version, or an empty string when unversioned.</summary>
    public string Version { get; }

    /// <summary>Converts a plain name into a <see cref="TaskName"/>.</summary>
    /// <param name="name">The task's name.</param>
    public static implicit operator TaskName(string name) => new(name);

    /// <summary>Converts a plain name into a <see cref="TaskName"/>.</summary>
    /// <param name="name">The task's name.</param>
    /// <returns>The task name.</returns>
    public static TaskName FromString(string name) => new(name);

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Version) ? Name ?? string.Empty : $"{Name}:{Version}";
}

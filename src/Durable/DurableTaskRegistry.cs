using Microsoft.Extensions.DependencyInjection;
using TicketFlow.Durable.Internal;

namespace TicketFlow.Durable;

/// <summary>
/// The orchestrators and activities a worker can run (as in Microsoft.DurableTask). Names default to the class name,
/// so callers use <c>nameof(MyActivity)</c>. Activities are created from dependency injection per invocation.
/// </summary>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, List<OrchestratorRegistration>> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, ITaskActivity>> activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator class under its class name.</summary>
    /// <typeparam name="TOrchestrator">The orchestrator type.</typeparam>
    /// <param name="version">The version new instances record (empty for unversioned).</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator<TOrchestrator>(string? version = null)
        where TOrchestrator : class, ITaskOrchestrator
        => AddOrchestrator(new TaskName(typeof(TOrchestrator).Name, version), sp => ActivatorUtilities.CreateInstance<TOrchestrator>(sp));

    /// <summary>
    /// Registers an orchestrator factory under a name and version. Several versions of one name may be registered: an
    /// instance replays with the version it recorded at its start; new instances get the version registered last.
    /// </summary>
    /// <param name="name">The name and version.</param>
    /// <param name="factory">Creates the orchestrator for one episode.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator(TaskName name, Func<IServiceProvider, ITaskOrchestrator> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!orchestrators.TryGetValue(name.Name, out var versions))
        {
            versions = [];
            orchestrators[name.Name] = versions;
        }

        if (versions.Exists(v => string.Equals(v.Name.Version, name.Version, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"An orchestrator named '{name.Name}' with version '{name.Version}' is already registered.", nameof(name));
        }

        versions.Add(new OrchestratorRegistration(name, factory));
        return this;
    }

    /// <summary>Registers an orchestrator written as a function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="implementation">The orchestrator body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestratorFunc<TInput, TOutput>(TaskName name, Func<TaskOrchestrationContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddOrchestrator(name, _ => new FuncOrchestrator<TInput, TOutput>(implementation));
    }

    /// <summary>Registers an activity class under its class name; it is created from dependency injection.</summary>
    /// <typeparam name="TActivity">The activity type.</typeparam>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity<TActivity>()
        where TActivity : class, ITaskActivity
        => AddActivity(typeof(TActivity).Name, sp => sp.GetService<TActivity>() ?? ActivatorUtilities.CreateInstance<TActivity>(sp));

    /// <summary>Registers an activity factory under a name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="factory">Creates the activity from the invocation's service scope.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity(TaskName name, Func<IServiceProvider, ITaskActivity> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!activities.TryAdd(name.Name, factory))
        {
            throw new ArgumentException($"An activity named '{name.Name}' is already registered.", nameof(name));
        }

        return this;
    }

    /// <summary>Registers an activity written as a function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The name.</param>
    /// <param name="implementation">The activity body.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivityFunc<TInput, TOutput>(TaskName name, Func<TaskActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return AddActivity(name, _ => new FuncActivity<TInput, TOutput>(implementation));
    }

    /// <summary>Finds the registration for an exact version, or the default (last registered) when none is given.</summary>
    internal bool TryGetOrchestrator(string name, string? version, out OrchestratorRegistration registration)
    {
        registration = null!;
        if (!orchestrators.TryGetValue(name, out var versions) || versions.Count == 0)
        {
            return false;
        }

        if (string.IsNullOrEmpty(version))
        {
            registration = versions[^1];
            return true;
        }

        registration = versions.Find(v => string.Equals(v.Name.Version, version, StringComparison.OrdinalIgnoreCase))!;
        return registration is not null;
    }

    internal bool TryGetActivity(string name, out Func<IServiceProvider, ITaskActivity> factory)
        => activities.TryGetValue(name, out factory!);
}

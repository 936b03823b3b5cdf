using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Azure.Functions.Worker.Builder;
using TicketFlow.Functions;

namespace TicketFlow.Infra.Tests;

/// <summary>
/// The settings the Functions app binds, read from the app itself, with no list kept here. The host is built as it runs, with a
/// configuration source that answers nothing and writes down which sections the options binder looks into; then each
/// TicketFlow options class registered with the host is created. The sections it looked into are where that class is
/// bound from; its public settable properties, as ConfigurationBinder walks them, are the setting names below it.
/// Names are in app-setting form (<c>Email__SendGrid__ApiKey</c>); a dictionary or array is <c>Name__{0}</c>.
/// </summary>
internal static class BoundSettings
{
    /// <summary>Every setting the app binds.</summary>
    public static IReadOnlySet<string> All { get; } = Read();

    private static HashSet<string> Read()
    {
        var recording = new RecordingSource();

        // The Functions app as it runs in Azure (TicketFlowFunctionsApp.Configure, what Program.cs calls): built, not
        // started (starting dials the Functions host).
        var builder = FunctionsApplication.CreateBuilder([]);
        ((IConfigurationBuilder)builder.Configuration).Add(recording);
        TicketFlowFunctionsApp.Configure(builder);
        var services = builder.Services;
        using var app = builder.Build();
        var optionsTypes = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IConfigureOptions<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Where(t => t.Assembly.GetName().Name!.StartsWith("TicketFlow", StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .ToList();
        var settings = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in optionsTypes)
        {
            var sections = recording.Provider.SectionsBoundBy(() => Create(app.Services, type));
            foreach (var section in sections)
            {
                AddProperties(type, section.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal), settings, depth: 0);
            }
        }

        return settings;
    }

    private static void Create(IServiceProvider services, Type optionsType)
    {
        var factory = services.GetRequiredService(typeof(IOptionsFactory<>).MakeGenericType(optionsType));
        try
        {
            factory.GetType().GetMethod(nameof(IOptionsFactory<object>.Create))!.Invoke(factory, [Options.DefaultName]);
        }
        catch (TargetInvocationException e) when (e.InnerException is OptionsValidationException)
        {
            // Validation runs after binding; that the defaults fail it (no sender address, say) is no concern here.
        }
    }

    /// <summary>What ConfigurationBinder binds below a section: public properties it can set or bind into.</summary>
    private static void AddProperties(Type type, string prefix, HashSet<string> settings, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"{prefix}: options nested deeper than 8 levels; a cycle?");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var name = $"{prefix}__{property.Name}";
            var settable = property.SetMethod is { IsPublic: true };
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsValue(propertyType))
            {
                // A get-only value (EntraIdOptions.Enabled) is computed, not bound.
                if (settable)
                {
                    settings.Add(name);
                }
            }
            else if (typeof(System.Collections.IEnumerable).IsAssignableFrom(propertyType))
            {
                // Dictionaries and arrays bind from children named by the setting: Api__EntraId__Clients__<client id>.
                settings.Add(name + "__{0}");
            }
            else
            {
                AddProperties(propertyType, name, settings, depth + 1);
            }
        }
    }

    /// <summary>A type the binder sets from one string: primitives, enums, string, TimeSpan, Uri and the like.</summary>
    private static bool IsValue(Type type) =>
        type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private sealed class RecordingSource : IConfigurationSource
    {
        public RecordingProvider Provider { get; } = new();

        public IConfigurationProvider Build(IConfigurationBuilder builder) => Provider;
    }

    /// <summary>Answers no key; records the sections the binder enumerates while it is asked to.</summary>
    private sealed class RecordingProvider : ConfigurationProvider
    {
        private readonly ConcurrentQueue<string> enumerated = new();
        private volatile bool recording;

        /// <summary>The outermost sections enumerated while <paramref name="bind"/> ran: where it binds from.</summary>
        public IReadOnlyList<string> SectionsBoundBy(Action bind)
        {
            enumerated.Clear();
            recording = true;
            try
            {
                bind();
            }
            finally
            {
                recording = false;
            }

            var paths = enumerated.Distinct(StringComparer.Ordinal).ToList();
            return paths.Where(p => !paths.Any(other => p.StartsWith(other + ConfigurationPath.KeyDelimiter, StringComparison.Ordinal))).ToList();
        }

        public override bool TryGet(string key, out string? value)
        {
            value = null;
            return false;
        }

        public override IEnumerable<string> GetChildKeys(IEnumerable<string> earlierKeys, string? parentPath)
        {
            if (recording && parentPath is not null)
            {
                enumerated.Enqueue(parentPath);
            }

            return earlierKeys;
        }
    }
}

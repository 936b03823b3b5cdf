namespace TicketFlow.Durable;

/// <summary>Serialises inputs, outputs, event payloads and custom status (as in Microsoft.DurableTask).</summary>
public abstract class DataConverter
{
    /// <summary>Serialises a value; <c>null</c> stays <c>null</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The serialised text.</returns>
    public abstract string? Serialize(object? value);

    /// <summary>Deserialises text into <paramref name="targetType"/>; <c>null</c> text gives the type's default.</summary>
    /// <param name="data">The serialised text.</param>
    /// <param name="targetType">The target type.</param>
    /// <returns>The value.</returns>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserialises text into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="data">The serialised text.</param>
    /// <returns>The value.</returns>
    public virtual T? Deserialize<T>(string? data) => (T?)Deserialize(data, typeof(T));
}

using Azure;

namespace TicketFlow.Functions.Storage;

/// <summary>A <see cref="NullableResponse{T}"/> that may or may not hold a value (e.g. an entity that does not exist).</summary>
internal sealed class ValueNullableResponse<T>(T? value, Response response) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T Value => value ?? throw new InvalidOperationException("The resource does not exist; check HasValue first.");

    public override Response GetRawResponse() => response;
}

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>What is stored for an API key: never the key itself.</summary>
/// <param name="KeyId">The public part of the key, which finds this record.</param>
/// <param name="EnPid">The EN whose data the key may see and change.</param>
/// <param name="Name">A name the EN chose for the key (it appears in the audit trail as the caller).</param>
/// <param name="SecretHash">The SHA-256 hash of the key's secret.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked; a revoked key authenticates nobody.</param>
public sealed record ApiKeyRecord(
    string KeyId,
    string EnPid,
    string Name,
    string SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt);

using TicketFlow.Infrastructure.Storage.Records;

namespace TicketFlow.Api.Web.SignIn;

/// <summary>Issues staff members' web sign-in credentials (the operator endpoint and the first-run bootstrap).</summary>
public static class StaffCredentials
{
    /// <summary>Creates a staff member's credential and stores only its hash, in the API key store.</summary>
    /// <param name="enPid">The EN.</param>
    /// <param name="staffId">The staff member (who must be on the EN's staff).</param>
    /// <param name="keys">The key store.</param>
    /// <param name="time">The clock.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The credential's key id (to revoke it) and its value, to show once.</returns>
    public static async Task<(string KeyId, string Value)> CreateAsync(string enPid, string staffId, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        var credential = StaffCredential.Create();
        await keys.AddAsync(new ApiKeyRecord(credential.KeyId, enPid, StaffCredential.RecordName(staffId), credential.Hash(), time.GetUtcNow(), null), cancellationToken);
        return (credential.KeyId, credential.Value);
    }
}

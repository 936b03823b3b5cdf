using Microsoft.IdentityModel.Tokens;

namespace TicketFlow.Functions.Api.Security;

/// <summary>A tenant's token issuer and signing keys as last read.</summary>
/// <param name="Issuer">The issuer the tenant's metadata names (v2 tokens).</param>
/// <param name="Keys">The signing keys.</param>
/// <param name="ReadAt">When they were read.</param>
internal sealed record EntraIdKeySet(string Issuer, IList<SecurityKey> Keys, DateTimeOffset ReadAt);

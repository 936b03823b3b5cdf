using TicketFlow.Functions.Storage.Auth;

namespace TicketFlow.Functions.Storage;

/// <summary>Parses a storage connection string into endpoints and the shared key credential.</summary>
internal sealed record StorageConnectionString(Uri TableEndpoint, Uri BlobEndpoint, StorageSharedKeyCredential Credential)
{
    public static StorageConnectionString Parse(string connectionString)
    {
        var parts = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return new StorageConnectionString(
                new Uri("http://127.0.0.1:10002/devstoreaccount1"),
                new Uri("http://127.0.0.1:10000/devstoreaccount1"),
                new StorageSharedKeyCredential(StorageSharedKeyCredential.DevelopmentAccountName, StorageSharedKeyCredential.DevelopmentAccountKey));
        }

        if (!parts.TryGetValue("AccountName", out var name) || !parts.TryGetValue("AccountKey", out var key))
        {
            throw new FormatException("The storage connection string needs AccountName and AccountKey (or UseDevelopmentStorage=true).");
        }

        var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = parts.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        Uri Endpoint(string setting, string service) =>
            parts.TryGetValue(setting, out var explicitUri) ? new Uri(explicitUri) : new Uri($"{protocol}://{name}.{service}.{suffix}");
        return new StorageConnectionString(Endpoint("TableEndpoint", "table"), Endpoint("BlobEndpoint", "blob"), new StorageSharedKeyCredential(name, key));
    }
}

using Microsoft.Extensions.Options;

namespace TicketFlow.Infrastructure.Storage;

/// <summary>Checks <see cref="StorageOptions"/> at start: a half-configured account fails the host with a clear message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                _ = StorageAccount.FromConnectionString(options.ConnectionString);
            }
            catch (FormatException e)
            {
                failures.Add("Storage:ConnectionString is not valid: " + e.Message);
            }
        }
        else if (options.TableEndpoint is not null || options.BlobEndpoint is not null)
        {
            if (options.TableEndpoint is null || options.BlobEndpoint is null)
            {
                failures.Add("Set both Storage:TableEndpoint and Storage:BlobEndpoint.");
            }

            if (options.Authentication == StorageAuthentication.SharedKey)
            {
                if (string.IsNullOrWhiteSpace(options.AccountKey))
                {
                    failures.Add("Storage:AccountKey is required when Storage:Authentication is SharedKey.");
                }
                else if (!Convert.TryFromBase64String(options.AccountKey, new byte[options.AccountKey.Length], out _))
                {
                    // The SDK would only fail at the first request; an account key is base64.
                    failures.Add("Storage:AccountKey is not a base64 account key.");
                }
            }
            else if (options.TableEndpoint?.Scheme == Uri.UriSchemeHttp || options.BlobEndpoint?.Scheme == Uri.UriSchemeHttp)
            {
                failures.Add("Entra ID authentication needs https endpoints.");
            }
        }
        else if (!options.StartAzuriteWhenNotConfigured)
        {
            failures.Add("No storage account is configured (Storage:ConnectionString or Storage:TableEndpoint/BlobEndpoint) and Storage:StartAzuriteWhenNotConfigured is false.");
        }

        if (options.MaxRetries is < 0 or > 20 || options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add("Storage:MaxRetries must be 0-20 and Storage:RetryDelay positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

namespace TicketFlow.Infrastructure.Storage;

/// <summary>How TicketFlow authenticates to the storage account.</summary>
public enum StorageAuthentication
{
    /// <summary>The account key (Shared Key): Azurite and key-based accounts.</summary>
    SharedKey,

    /// <summary>Microsoft Entra ID through Azure.Identity (managed identity in Azure, developer sign-in locally).</summary>
    EntraId,
}

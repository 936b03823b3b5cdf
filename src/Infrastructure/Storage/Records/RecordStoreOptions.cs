using System.ComponentModel.DataAnnotations;

namespace TicketFlow.Infrastructure.Storage.Records;

/// <summary>Where the domain records live: bound from <c>Storage:Records</c>.</summary>
public sealed class RecordStoreOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Storage:Records";

    /// <summary>
    /// Prefix of every record table's name (tables are named <c>{prefix}Tickets</c> and so on), so that several
    /// TicketFlow installations, or test runs, can share one storage account.
    /// </summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{0,39}$", ErrorMessage = "TablePrefix must start with a letter and hold letters and digits only (at most 40).")]
    public string TablePrefix { get; set; } = "tf";
}

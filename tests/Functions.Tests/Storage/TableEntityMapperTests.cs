using System.Runtime.Serialization;
using Azure;
using TicketFlow.Functions.Storage.Tables;

namespace TicketFlow.Functions.Tests.Storage;

public sealed class TableEntityMapperTests
{
    private sealed class IwpRecord : ITableEntity
    {
        public string PartitionKey { get; set; } = "p";
        public string RowKey { get; set; } = "r";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public DateOnly SignedByTicketholder { get; set; }
        public DateOnly? SignedByEn { get; set; }
        public TimeSpan ReviewWindow { get; set; }
        public decimal TrialWorkLevel { get; set; }
        public DateTime SubmittedAt { get; set; }
        public int? Amendments { get; set; }
        [IgnoreDataMember]
        public string Computed => "not stored";
        [IgnoreDataMember]
        public string Transient { get; set; } = "not stored";
    }

    private sealed class Unsupported : ITableEntity
    {
        public string PartitionKey { get; set; } = "p";
        public string RowKey { get; set; } = "r";
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }
        public List<string> Goals { get; set; } = [];
    }

    [Fact]
    public void Types_the_service_lacks_are_stored_as_sortable_strings_and_read_back()
    {
        var record = new IwpRecord
        {
            SignedByTicketholder = new DateOnly(2026, 3, 2),
            SignedByEn = null,
            ReviewWindow = TimeSpan.FromDays(7),
            TrialWorkLevel = 1210.50m,
            SubmittedAt = new DateTime(2026, 3, 4, 13, 0, 0, DateTimeKind.Utc),
            Amendments = 2,
        };

        var stored = TableEntityMapper.ToEdmProperties(record);
        var read = TableEntityMapper.FromEdmProperties<IwpRecord>("p", "r", null, default, stored);

        Assert.Equal("2026-03-02", stored["SignedByTicketholder"]);
        Assert.Equal("7.00:00:00", stored["ReviewWindow"]);
        Assert.Equal("1210.50", stored["TrialWorkLevel"]);
        Assert.IsType<DateTimeOffset>(stored["SubmittedAt"]);
        Assert.False(stored.ContainsKey("Computed"));
        Assert.False(stored.ContainsKey("Transient"));
        Assert.False(stored.ContainsKey("PartitionKey"));
        Assert.Equal(record.SignedByTicketholder, read.SignedByTicketholder);
        Assert.Null(read.SignedByEn);
        Assert.Equal(record.ReviewWindow, read.ReviewWindow);
        Assert.Equal(record.TrialWorkLevel, read.TrialWorkLevel);
        Assert.Equal(record.SubmittedAt, read.SubmittedAt);
        Assert.Equal(DateTimeKind.Utc, read.SubmittedAt.Kind);
        Assert.Equal(2, read.Amendments);
    }

    [Fact]
    public void An_unsupported_property_type_names_the_property()
    {
        var e = Assert.Throws<NotSupportedException>(() => TableEntityMapper.ToEdmProperties(new Unsupported()));

        Assert.Contains("'Goals'", e.Message, StringComparison.Ordinal);
        Assert.Contains("IgnoreDataMember", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stored_value_of_the_wrong_type_names_the_property()
    {
        var e = Assert.Throws<InvalidCastException>(() =>
            TableEntityMapper.FromEdmProperties<IwpRecord>("p", "r", null, default, new Dictionary<string, object?> { ["SignedByTicketholder"] = "March 2" }));

        Assert.Contains("'SignedByTicketholder'", e.Message, StringComparison.Ordinal);
    }
}

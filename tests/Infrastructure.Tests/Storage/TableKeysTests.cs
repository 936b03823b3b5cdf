using TicketFlow.Infrastructure.Storage.Tables;

namespace TicketFlow.Infrastructure.Tests.Storage;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData(new[] { "ticket", "T-1" }, "ticket|T-1")]
    [InlineData(new[] { "a/b" }, "a~2Fb")]
    [InlineData(new[] { "a\\b#c?d" }, "a~5Cb~23c~3Fd")]
    [InlineData(new[] { "tab\there" }, "tab~09here")]
    [InlineData(new[] { "del\u007F" }, "del~7F")]
    [InlineData(new[] { "c1\u0085" }, "c1~85")]                 // C1 control characters are forbidden too
    [InlineData(new[] { "pipe|in", "tilde~in" }, "pipe~7Cin|tilde~7Ein")] // separator and escape char are escaped
    [InlineData(new[] { "" }, "")]
    public void Create_escapes_forbidden_characters_and_round_trips(string[] parts, string expected)
    {
        var key = TableKeys.Create(parts);

        Assert.Equal(expected, key);
        TableKeys.Validate(key, "PartitionKey");
        Assert.Equal(parts, TableKeys.Split(key));
    }

    [Fact]
    public void Keys_built_from_dates_sort_by_date()
    {
        var keys = new[] { "2026-12-01", "2026-02-10", "2026-02-09" }.Select(d => TableKeys.Create(d, "reminder-1")).ToList();

        keys.Sort(StringComparer.Ordinal);

        Assert.Equal(["2026-02-09", "2026-02-10", "2026-12-01"], keys.Select(k => TableKeys.Split(k)[0]));
    }

    [Fact]
    public void A_key_over_1024_characters_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => TableKeys.Create(new string('a', 1020), "abcd"));

        Assert.Contains("1,024", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b", "'/'")]
    [InlineData("a\u0000b", "U+0000")]
    [InlineData("#", "'#'")]
    public void Validate_names_the_forbidden_character(string key, string described)
    {
        var e = Assert.Throws<ArgumentException>(() => TableKeys.Validate(key, "RowKey"));

        Assert.Contains(described, e.Message, StringComparison.Ordinal);
        Assert.Equal("RowKey", e.ParamName);
    }

    [Theory]
    [InlineData("~")]
    [InlineData("~4")]
    [InlineData("~ZZ")]
    public void Unescape_refuses_malformed_escapes(string text) => Assert.Throws<FormatException>(() => TableKeys.Unescape(text));

    [Fact]
    public void Entity_size_is_counted_as_the_service_counts_it()
    {
        var size = TableEntityLimits.Validate("pk", "rk", new Dictionary<string, object?> { ["Name"] = "abc", ["N"] = 1, ["When"] = DateTimeOffset.UnixEpoch });

        // 4 + (2+2)*2 + (8 + 4*2 + 4 + 3*2) + (8 + 1*2 + 4) + (8 + 4*2 + 8)
        Assert.Equal(4 + 8 + 26 + 14 + 24, size);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("dash-ed")]
    public void Invalid_property_names_are_refused(string name) =>
        Assert.Throws<ArgumentException>(() => TableEntityLimits.Validate("p", "r", new Dictionary<string, object?> { [name] = 1 }));

    [Fact]
    public void More_than_252_properties_are_refused()
    {
        var properties = Enumerable.Range(0, 253).ToDictionary(i => "P" + i, i => (object?)i);

        Assert.Throws<ArgumentException>(() => TableEntityLimits.Validate("p", "r", properties));
    }

    [Theory]
    [InlineData('a', 30_000, 1)] // ASCII: the body is about as large as the text
    [InlineData('<', 30_000, 6)] // written as \u003C: six bytes a character
    [InlineData('\u00e9', 30_000, 6)]
    public void The_measured_size_is_the_json_body_as_sent_when_escaping_makes_it_larger(char c, int length, int bytesPerChar)
    {
        var entity = new Azure.Data.Tables.TableEntity("p", "r") { ["Notes"] = new string(c, length) };

        var measured = TableEntityLimits.MeasuredBytes(entity);

        Assert.InRange(measured, Math.Max(2L, bytesPerChar) * length, (Math.Max(2L, bytesPerChar) * length) + 200);
    }

    [Fact]
    public void Only_entities_far_from_the_limit_skip_the_exact_measure()
    {
        var small = new Azure.Data.Tables.TableEntity("p", "r") { ["Data"] = new string('<', TableEntityLimits.MaxStringChars) };
        var large = new Azure.Data.Tables.TableEntity("p", "r") { ["Data"] = new string('a', TableEntityLimits.MaxStringChars), ["Data1"] = new string('a', TableEntityLimits.MaxStringChars) };
        for (var i = 2; i < 8; i++)
        {
            large["Data" + i] = new string('a', TableEntityLimits.MaxStringChars);
        }

        Assert.True(TableEntityLimits.FitsWithoutMeasuring(small));
        Assert.False(TableEntityLimits.FitsWithoutMeasuring(large)); // 256K characters: six bytes each would not fit, so it is measured
        Assert.True(TableEntityLimits.MeasuredBytes(large) <= TableEntityLimits.MaxEntityBytes);
        Assert.Equal(TableEntityLimits.MeasuredBytes(large), TableEntityLimits.Validate(large));
    }
}

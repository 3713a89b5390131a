using Fever.Data;
using Npgsql;

namespace Fever.Tests.Data;

public sealed class SqlSpanNameTests
{
    [Theory]
    [InlineData("SELECT id FROM events", "SELECT")]
    [InlineData("  \n insert into sync_runs (id) values ($1)", "INSERT")]
    [InlineData("LISTEN events_changed", "LISTEN")]
    [InlineData("WITH changed AS (SELECT 1) SELECT * FROM changed", "WITH")]
    [InlineData("-- a comment first\nSELECT 1", "postgresql")]
    [InlineData("", "postgresql")]
    public void A_command_span_is_named_by_the_first_keyword_of_its_sql(string sql, string expected) =>
        Assert.Equal(expected, SqlSpanName.Of(new NpgsqlCommand(sql)));

    [Fact]
    public void A_batch_span_is_named_by_its_first_command_and_its_size() =>
        Assert.Equal("UPDATE (batch of 2)", SqlSpanName.Of(new NpgsqlBatch { BatchCommands = { new("UPDATE events SET title = $1"), new("SELECT 1") } }));
}

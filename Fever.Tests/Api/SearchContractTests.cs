using System.Globalization;
using System.Net;
using System.Text.Json;
using Fever.Data;
using Fever.Tests.Infrastructure;
using Npgsql;

namespace Fever.Tests.Api;

/// <summary>GET /search over real HTTP, against the real API process on PostgreSQL synced by the real worker.</summary>
[Collection(SampleApiCollection.Name)]
public sealed class SearchContractTests(SampleApiFixture fixture)
{
    private static readonly string[] SummaryFields = ["id", "title", "start_date", "start_time", "end_date", "end_time", "min_price", "max_price"];

    // The sample events, by start: 322/1642 Pantomima Full, 291/291 Camela, 1591/1642 Los Morancos, 1601/1650 (later show).
    private static readonly Guid Camela = EventIdentity.For(291, 291);

    [Fact]
    public async Task Without_bounds_it_lists_every_stored_event_by_start_then_id_with_exactly_the_spec_fields()
    {
        using var response = await fixture.Http.GetAsync("/search");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["data", "error"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("error").ValueKind);
        Assert.Equal(["events"], body.RootElement.GetProperty("data").EnumerateObject().Select(p => p.Name));

        var stored = await StoredEventsAsync();
        var events = body.RootElement.GetProperty("data").GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(4, stored.Count);
        Assert.Equal(stored.Count, events.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            var (id, title, startsAt, endsAt, minPrice, maxPrice) = stored[i];
            var e = events[i];
            Assert.Equal(SummaryFields, e.EnumerateObject().Select(p => p.Name));
            Assert.Equal(id.ToString(), e.GetProperty("id").GetString());
            Assert.Equal(title, e.GetProperty("title").GetString());
            Assert.Equal(startsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetProperty("start_date").GetString());
            Assert.Equal(startsAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture), e.GetProperty("start_time").GetString());
            Assert.Equal(endsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e.GetProperty("end_date").GetString());
            Assert.Equal(endsAt.ToString("HH:mm:ss", CultureInfo.InvariantCulture), e.GetProperty("end_time").GetString());
            AssertPrice(minPrice, e.GetProperty("min_price"));
            AssertPrice(maxPrice, e.GetProperty("max_price"));
        }
    }

    [Fact]
    public async Task An_event_reads_as_the_provider_described_it()
    {
        var camela = (await SearchAsync("?starts_at=2021-06-30T21:00:00Z&ends_at=2021-06-30T22:00:00Z")).Single();

        Assert.Equal(
            $$"""{"id":"{{Camela}}","title":"Camela en concierto","start_date":"2021-06-30","start_time":"21:00:00","end_date":"2021-06-30","end_time":"22:00:00","min_price":15.00,"max_price":30.00}""",
            camela.GetRawText());
    }

    [Theory]
    [InlineData("?starts_at=2021-06-30T21:00:00Z&ends_at=2021-06-30T22:00:00Z", true)] // both bounds equal the event's own
    [InlineData("?starts_at=2021-06-30T21:00:01Z", false)]                             // starts a second too early
    [InlineData("?ends_at=2021-06-30T21:59:59Z", false)]                                // ends a second too late
    [InlineData("?starts_at=2021-06-30T21:00:00Z", true)]                               // only a lower bound
    [InlineData("?ends_at=2021-06-30T22:00:00Z", true)]                                 // only an upper bound
    [InlineData("?starts_at=2021-06-30T23:00:00%2B02:00&ends_at=2021-07-01T00:00:00%2B02:00", true)] // offsets name the same instants
    [InlineData("?starts_at=2021-06-30T23:00:00+02:00", true)]                          // an unencoded + arrives as a space
    [InlineData("?starts_at=2021-06-30T20:00:00-01:00", true)]
    [InlineData("?starts_at=2021-06-30T21:00:00.000&ends_at=2021-06-30T22:00:00.0000001", true)] // no offset is UTC; fractions count
    [InlineData("?starts_at=2021-06-30T21:00:00.0000001", false)]
    [InlineData("?starts_at=2021-06-30t21:00z", true)]                                  // RFC 3339's lower case, minutes only
    public async Task Bounds_are_inclusive_optional_and_read_as_instants(string query, bool includesCamela)
    {
        var ids = (await SearchAsync(query)).Select(e => Guid.Parse(e.GetProperty("id").GetString()!)).ToList();

        Assert.Equal(includesCamela, ids.Contains(Camela));
    }

    [Fact]
    public async Task A_range_keeps_the_order_and_only_events_wholly_inside_it()
    {
        var stored = await StoredEventsAsync();
        var from = new DateTime(2021, 6, 1);
        var to = new DateTime(2021, 12, 31);

        var found = await SearchAsync("?starts_at=2021-06-01T00:00:00Z&ends_at=2021-12-31T00:00:00Z");

        var expected = stored.Where(e => e.StartsAt >= from && e.EndsAt <= to).Select(e => e.Id.ToString()).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < stored.Count);
        Assert.Equal(expected, found.Select(e => e.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task An_empty_range_answers_an_empty_list()
    {
        using var response = await fixture.Http.GetAsync("/search?starts_at=1999-01-01T00:00:00Z&ends_at=1999-12-31T00:00:00Z");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"data":{"events":[]},"error":null}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("?starts_at=yesterday", "malformed_date_time", "starts_at")]
    [InlineData("?starts_at=2021-06-30", "malformed_date_time", "2021-07-21T17:32:28Z")]
    [InlineData("?ends_at=2021-06-30T21:00:00ZZ", "malformed_date_time", "ends_at")]
    [InlineData("?ends_at=30/06/2021%2021:00", "malformed_date_time", "ends_at")]
    [InlineData("?starts_at=2021-06-30T21:00:00.1234567891Z", "malformed_date_time", "starts_at")]
    [InlineData("?starts_at=2021-02-29T00:00:00Z", "impossible_date_time", "February 2021 has 28 days")]
    [InlineData("?starts_at=2021-13-01T00:00:00Z", "impossible_date_time", "month 13")]
    [InlineData("?ends_at=2021-06-30T24:00:00Z", "impossible_date_time", "hours")]
    [InlineData("?ends_at=2021-06-30T23:60:00Z", "impossible_date_time", "minutes")]
    [InlineData("?ends_at=2021-06-30T23:00:60Z", "impossible_date_time", "seconds")]
    [InlineData("?ends_at=2021-06-30T23:00:00%2B15:00", "impossible_date_time", "offsets")]
    [InlineData("?starts_at=2021-07-01T00:00:00Z&ends_at=2021-06-01T00:00:00Z", "invalid_range", "later than ends_at")]
    [InlineData("?starts_at=2021-06-30T23:00:00%2B02:00&ends_at=2021-06-30T20:00:00Z", "invalid_range", "later than ends_at")]
    [InlineData("?starts_at=", "empty_value", "leave starts_at out")]
    [InlineData("?starts_at=2021-06-30T21:00:00Z&starts_at=2021-06-30T22:00:00Z", "repeated_parameter", "starts_at is given 2 times")]
    [InlineData("?start_at=2021-06-30T21:00:00Z", "unknown_parameter", "'start_at'")]
    public async Task Bad_input_is_a_400_in_the_error_envelope_saying_what_to_fix(string query, string code, string hint)
    {
        using var response = await fixture.Http.GetAsync("/search" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await AssertErrorEnvelopeAsync(response, code);
        Assert.Contains(hint, error);
    }

    [Fact]
    public async Task An_over_long_value_is_refused_without_being_parsed()
    {
        using var response = await fixture.Http.GetAsync("/search?ends_at=" + new string('9', 5000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await AssertErrorEnvelopeAsync(response, "value_too_long");
        Assert.Contains("5000 characters", message);
    }

    [Theory]
    [InlineData("POST", "/search", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("DELETE", "/search", HttpStatusCode.MethodNotAllowed, "method_not_allowed")]
    [InlineData("GET", "/events", HttpStatusCode.NotFound, "not_found")]
    public async Task Wrong_routes_and_methods_answer_in_the_error_envelope_too(string method, string path, HttpStatusCode status, string code)
    {
        using var response = await fixture.Http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(status, response.StatusCode);
        await AssertErrorEnvelopeAsync(response, code);
    }

    [Fact]
    public async Task A_client_holding_the_current_answer_gets_a_304()
    {
        using var first = await fixture.Http.GetAsync("/search");
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(etag.IsWeak);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?starts_at=2021-01-01T00:00:00Z");
        request.Headers.IfNoneMatch.Add(etag);
        using var revalidated = await fixture.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, revalidated.Headers.ETag);
    }

    [Fact]
    public async Task Small_answers_are_not_compressed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/search?starts_at=2021-06-30T21:00:00Z&ends_at=2021-06-30T22:00:00Z");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await fixture.Http.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    private async Task<List<JsonElement>> SearchAsync(string query)
    {
        using var response = await fixture.Http.GetAsync("/search" + query);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("events").EnumerateArray().ToList();
    }

    /// <summary>Asserts <c>{"error":{"code","message"},"data":null}</c> and nothing else; returns the message.</summary>
    internal static async Task<string> AssertErrorEnvelopeAsync(HttpResponseMessage response, string code)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["error", "data"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("data").ValueKind);
        var error = body.RootElement.GetProperty("error");
        Assert.Equal(["code", "message"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(code, error.GetProperty("code").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotMatch(@"\bat [\w.]+\.\w+\(|Exception", message); // no stack trace
        return message;
    }

    private static void AssertPrice(decimal? stored, JsonElement served)
    {
        if (stored is null)
            Assert.Equal(JsonValueKind.Null, served.ValueKind);
        else
            Assert.Equal(stored.Value, served.GetDecimal());
    }

    private async Task<List<(Guid Id, string Title, DateTime StartsAt, DateTime EndsAt, decimal? MinPrice, decimal? MaxPrice)>> StoredEventsAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id, title, starts_at, ends_at, min_price, max_price FROM events ORDER BY starts_at, id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var events = new List<(Guid, string, DateTime, DateTime, decimal?, decimal?)>();
        while (await reader.ReadAsync())
            events.Add((reader.GetGuid(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3),
                reader.IsDBNull(4) ? null : reader.GetDecimal(4), reader.IsDBNull(5) ? null : reader.GetDecimal(5)));
        return events;
    }
}

using System.Text.Json;
using Fever.Data;

namespace Fever.Tests.GraphQL;

/// <summary>Filters run in PostgreSQL and select what the same condition selects in memory; the range arguments agree with /search.</summary>
public sealed class EventsFilterTests(SeededApiFixture fixture) : IClassFixture<SeededApiFixture>
{
    private static readonly DateTime Noon = new(2021, 6, 10, 12, 0, 0);

    public static TheoryData<string, string> Filters => new()
    {
        { "{title: {eq: \"Rock night\"}}", "title eq" },
        { "{title: {startsWith: \"Ro\"}}", "title startsWith" },
        { "{title: {ncontains: \"a\"}}", "title ncontains" },
        { "{title: {in: [\"Opera gala\", \"rock night\"]}}", "title in" },
        { "{minPrice: {gte: 30, lt: 60}}", "minPrice range" },
        { "{minPrice: {eq: null}}", "minPrice null" },
        { "{minPrice: {ngt: 40}}", "minPrice ngt" },
        { "{or: [{soldOut: {eq: true}}, {organizerCompanyId: {in: [1, 2]}}]}", "or" },
        { "{and: [{endsAt: {lte: \"2021-06-10T12:00:00Z\"}}, {maxPrice: {nlte: 40}}]}", "and" },
        { "{sellFrom: {neq: null}, organizerCompanyId: {nin: [3]}}", "sellFrom neq null, organizer nin" },
        { "{startDate: {eq: \"2021-06-05\"}}", "startDate eq" },
        { "{startTime: {gte: \"20:00:00\"}}", "startTime gte" },
        { "{endDate: {nlt: \"2021-06-15\"}}", "endDate nlt" },
        { "{basePlanId: {gt: 1010, lte: 1020}}", "basePlanId range" },
        { "{title: {and: [{endsWith: \"night\"}, {nstartsWith: \"r\"}]}}", "field and" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task A_filter_selects_what_the_same_condition_selects_in_memory(string where, string name)
    {
        var all = await SeededEvents.LoadAsync(fixture.DataSource);

        var served = await IdsAsync($"where: {where}");

        Assert.True(served.Count > 0 || Expected(name, all).Count == 0, $"{name} selects nothing; the case would prove little.");
        Assert.Equal(Expected(name, all).Order(), served.Order());
    }

    private static List<string> Expected(string name, List<Event> all) => all.Where(e => name switch
    {
        "title eq" => e.Title == "Rock night",
        "title startsWith" => e.Title.StartsWith("Ro", StringComparison.Ordinal),
        "title ncontains" => !e.Title.Contains('a', StringComparison.Ordinal),
        "title in" => e.Title is "Opera gala" or "rock night",
        "minPrice range" => e.MinPrice >= 30 && e.MinPrice < 60,
        "minPrice null" => e.MinPrice is null,
        "minPrice ngt" => !(e.MinPrice > 40),
        "or" => e.SoldOut || e.OrganizerCompanyId is 1 or 2,
        "and" => e.EndsAt <= Noon && !(e.MaxPrice <= 40),
        "sellFrom neq null, organizer nin" => e.SellFrom is not null && e.OrganizerCompanyId != 3,
        "startDate eq" => e.StartsAt.Date == new DateTime(2021, 6, 5),
        "startTime gte" => e.StartsAt.TimeOfDay >= TimeSpan.FromHours(20),
        "endDate nlt" => !(e.EndsAt.Date < new DateTime(2021, 6, 15)),
        "basePlanId range" => e.BasePlanId > 1010 && e.BasePlanId <= 1020,
        "field and" => e.Title.EndsWith("night", StringComparison.Ordinal) && !e.Title.StartsWith('r'),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    }).Select(e => e.Id.ToString()).ToList();

    [Fact]
    public async Task StartsAt_and_endsAt_select_what_search_selects_in_the_same_order()
    {
        var random = new Random(3);
        for (var i = 0; i < 25; i++)
        {
            var from = new DateTime(2021, 6, 1).AddHours(random.Next(-24, 24 * 20));
            var to = from.AddHours(random.Next(0, 24 * 10));
            var range = $"starts_at={from:yyyy-MM-ddTHH:mm:ss}Z&ends_at={to:yyyy-MM-ddTHH:mm:ss}Z";
            var search = JsonDocument.Parse(await fixture.Http.GetStringAsync($"/search?{range}")).RootElement
                .GetProperty("data").GetProperty("events").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

            var served = await IdsAsync($"startsAt: \"{from:yyyy-MM-ddTHH:mm:ss}Z\", endsAt: \"{to:yyyy-MM-ddTHH:mm:ss}Z\"");

            Assert.Equal(search, served);
        }
    }

    private async Task<List<string>> IdsAsync(string arguments)
    {
        var ids = new List<string>();
        string? after = null;
        while (true)
        {
            var cursor = after is null ? "" : $", after: \"{after}\"";
            var events = (await fixture.GraphQL.DataAsync($"{{ events(first: 50{cursor}, {arguments}) {{ nodes {{ id }} pageInfo {{ hasNextPage endCursor }} }} }}"))
                .GetProperty("events");
            ids.AddRange(events.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            if (!events.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
                return ids;
            after = events.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }
}

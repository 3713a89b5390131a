using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Fever.Tests.GraphQL;

/// <summary>Paging <c>events</c> by keyset cursors returns every event exactly once, whatever the order, page size and direction.</summary>
public sealed class EventsPagingTests(SeededApiFixture fixture) : IClassFixture<SeededApiFixture>
{
    public static TheoryData<string> Orders =>
    [
        "",
        "{title: ASC}",
        "{minPrice: DESC}",
        "{soldOut: ASC}, {startsAt: DESC}",
        "{organizerCompanyId: ASC}, {title: DESC}",
        "{sellFrom: DESC}",
        "{startTime: ASC}",
        "{endDate: DESC}, {maxPrice: ASC}",
        "{id: DESC}",
        "{basePlanId: ASC}, {updatedAt: DESC}",
    ];

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Forwards_and_backwards_every_event_comes_exactly_once_in_the_same_order(string order)
    {
        var total = (await fixture.GraphQL.DataAsync("{ events { totalCount } }")).GetProperty("events").GetProperty("totalCount").GetInt32();
        Assert.True(total >= SeededApiFixture.EventCount);
        foreach (var size in new[] { 7, 50 })
        {
            var forwards = await PageAsync(order, size, forwards: true);
            Assert.Equal(total, forwards.Count);
            Assert.Equal(forwards.Count, forwards.Distinct().Count());

            var backwards = await PageAsync(order, size, forwards: false);
            backwards.Reverse();
            Assert.Equal(forwards, backwards);
        }
    }

    [Fact]
    public async Task Pages_of_one_follow_the_order_of_one_large_page()
    {
        var onePage = (await fixture.GraphQL.DataAsync("{ events(first: 50, order: [{minPrice: ASC}]) { nodes { id } } }"))
            .GetProperty("events").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList();

        var oneByOne = (await PageAsync("{minPrice: ASC}", 1, forwards: true)).Take(50).ToList();

        Assert.Equal(onePage, oneByOne);
    }

    [Fact]
    public async Task Events_inserted_between_pages_neither_repeat_nor_hide_the_others()
    {
        var before = (await PageAsync("{startsAt: ASC}", 50, forwards: true)).ToHashSet();
        var seen = new List<string>();
        string? after = null;
        var batch = 0;
        while (true)
        {
            var page = await OnePageAsync("{startsAt: ASC}", 9, after, forwards: true);
            seen.AddRange(page.Ids);
            // Events land before, at and after the cursor's start time, and in the snapshot before the next page: a
            // keyset page ignores them where they do not belong.
            var landed = SeededEvents.Generate(4, seed: 1000 + batch, firstPlanId: 1_000_000 + 10 * batch++);
            await SeededEvents.InsertAsync(fixture.DataSource, landed);
            await fixture.WaitUntilServedAsync(landed[^1]);
            if (!page.HasNext)
                break;
            after = page.EndCursor;
        }

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Subset(seen.ToHashSet(), before);
    }

    [Fact]
    public async Task Page_info_and_total_count_describe_the_page()
    {
        var data = await fixture.GraphQL.DataAsync(
            "{ events(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } }");
        var events = data.GetProperty("events");
        var edges = events.GetProperty("edges").EnumerateArray().ToList();
        var pageInfo = events.GetProperty("pageInfo");

        Assert.True(events.GetProperty("totalCount").GetInt32() >= SeededApiFixture.EventCount);
        Assert.Equal(3, edges.Count);
        Assert.True(pageInfo.GetProperty("hasNextPage").GetBoolean());
        Assert.False(pageInfo.GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal(edges[0].GetProperty("cursor").GetString(), pageInfo.GetProperty("startCursor").GetString());
        Assert.Equal(edges[2].GetProperty("cursor").GetString(), pageInfo.GetProperty("endCursor").GetString());
    }

    [Theory]
    [InlineData("{ events(first: 51) { nodes { id } } }", "MAX_PAGE_SIZE_EXCEEDED")]
    [InlineData("{ events(first: -1) { nodes { id } } }", "INVALID_PAGING")]
    [InlineData("{ events(first: 2, last: 2) { nodes { id } } }", "INVALID_PAGING")]
    [InlineData("{ events(after: \"bm90IGEgY3Vyc29y\") { nodes { id } } }", "INVALID_CURSOR")]
    [InlineData("{ events(order: [{title: ASC, startsAt: DESC}]) { nodes { id } } }", "INVALID_ORDER")]
    [InlineData("{ events(startsAt: \"2021-07-01T00:00:00Z\", endsAt: \"2021-06-01T00:00:00Z\") { nodes { id } } }", "INVALID_RANGE")]
    public async Task Bad_paging_arguments_are_field_errors_with_a_code(string query, string code)
    {
        var response = await fixture.GraphQL.PostAsync(query);

        Assert.Equal([code], GraphQLClient.ErrorCodes(response));
        Assert.Equal(JsonValueKind.Null, response.GetProperty("data").GetProperty("events").ValueKind);
    }

    [Fact]
    public async Task A_cursor_only_pages_the_order_it_came_from()
    {
        var page = await OnePageAsync("{title: ASC}", 2, null, forwards: true);

        var response = await fixture.GraphQL.PostAsync($"{{ events(after: \"{page.EndCursor}\", order: [{{title: DESC}}]) {{ nodes {{ id }} }} }}");

        Assert.Equal(["INVALID_CURSOR"], GraphQLClient.ErrorCodes(response));
    }

    [Fact]
    public async Task Cursors_keep_their_format_so_a_page_asked_across_a_deploy_still_follows()
    {
        var edges = (await fixture.GraphQL.DataAsync("{ events(first: 3) { edges { cursor node { id startsAt } } } }"))
            .GetProperty("events").GetProperty("edges").EnumerateArray().ToList();
        var second = edges[1].GetProperty("node");
        var startsAt = second.GetProperty("startsAt").GetDateTimeOffset().UtcDateTime;
        // As every build since the first has written it: base64url of the order and the keys, times as UTC wall clock.
        var json = $"{{\"Order\":\"startsAt:ASC,id:ASC\",\"Keys\":[\"{startsAt:s}\",\"{second.GetProperty("id").GetString()}\"]}}";
        var cursor = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

        Assert.Equal(cursor, edges[1].GetProperty("cursor").GetString());
        var next = (await OnePageAsync("", 1, cursor, forwards: true)).Ids;
        Assert.Equal([edges[2].GetProperty("node").GetProperty("id").GetString()!], next);
    }

    private async Task<List<string>> PageAsync(string order, int size, bool forwards)
    {
        var ids = new List<string>();
        string? cursor = null;
        for (var pages = 0; pages < 1000; pages++)
        {
            var page = await OnePageAsync(order, size, cursor, forwards);
            ids.AddRange(forwards ? page.Ids : Enumerable.Reverse(page.Ids));
            if (!(forwards ? page.HasNext : page.HasPrevious))
                return ids;
            cursor = forwards ? page.EndCursor : page.StartCursor;
        }
        throw new InvalidOperationException("Paging did not end.");
    }

    private sealed record Page(List<string> Ids, bool HasNext, bool HasPrevious, string? StartCursor, string? EndCursor);

    private async Task<Page> OnePageAsync(string order, int size, string? cursor, bool forwards)
    {
        var paging = forwards ? $"first: {size}" : $"last: {size}";
        if (cursor is not null)
            paging += forwards ? $", after: \"{cursor}\"" : $", before: \"{cursor}\"";
        if (order.Length > 0)
            paging += $", order: [{order}]";
        var events = (await fixture.GraphQL.DataAsync(
            $"{{ events({paging}) {{ nodes {{ id }} pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }} }} }}")).GetProperty("events");
        var pageInfo = events.GetProperty("pageInfo");
        return new Page(
            events.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).ToList(),
            pageInfo.GetProperty("hasNextPage").GetBoolean(),
            pageInfo.GetProperty("hasPreviousPage").GetBoolean(),
            pageInfo.GetProperty("startCursor").GetString(),
            pageInfo.GetProperty("endCursor").GetString());
    }
}

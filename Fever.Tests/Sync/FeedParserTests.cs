using System.Text;
using System.Xml;
using Fever.ProviderSimulator;
using Fever.Sync.Feed;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fever.Tests.Sync;

public sealed class FeedParserTests
{
    private readonly FeedParser _parser = new(NullLogger<FeedParser>.Instance);

    [Fact]
    public void Reads_every_attribute_of_a_plan_and_its_zones()
    {
        var (plans, report) = Parse(Feed("""
            <base_plan base_plan_id="291" sell_mode="online" organizer_company_id="2" title="Camela en concierto">
              <plan plan_id="291" plan_start_date="2021-06-30T21:00:00" plan_end_date="2021-06-30T22:00:00"
                    sell_from="2020-07-01T00:00:00" sell_to="2021-06-30T20:00:00" sold_out="true">
                <zone zone_id="40" capacity="243" price="20.00" name="Platea" numbered="true"/>
                <zone zone_id="38" capacity="100" price="15.00" name="Grada 2" numbered="false"/>
              </plan>
            </base_plan>
            """));

        var plan = Assert.Single(plans);
        Assert.Equal((291L, 291L, "Camela en concierto", 2L), (plan.BasePlanId, plan.PlanId, plan.Title, plan.OrganizerCompanyId));
        Assert.Equal(new DateTime(2021, 6, 30, 21, 0, 0), plan.StartsAt);
        Assert.Equal(new DateTime(2021, 6, 30, 22, 0, 0), plan.EndsAt);
        Assert.Equal(new DateTime(2020, 7, 1, 0, 0, 0), plan.SellFrom);
        Assert.Equal(new DateTime(2021, 6, 30, 20, 0, 0), plan.SellTo);
        Assert.True(plan.SoldOut);
        Assert.Equal([new FeedZone(40, "Platea", 243, 20.00m, true), new FeedZone(38, "Grada 2", 100, 15.00m, false)], plan.Zones);
        Assert.Equal((15.00m, 20.00m), (plan.MinPrice, plan.MaxPrice));
        Assert.Same(FeedVocabulary.Plans, report.Vocabulary);
        Assert.Equal((1, 1, 0), (report.PlansSeen, report.PlansAccepted, report.PlansSkipped));
    }

    [Fact]
    public void Reads_the_older_event_vocabulary()
    {
        var (plans, report) = Parse("""
            <eventList version="1.0"><output>
              <base_event base_event_id="7" sell_mode="online" title="Old show">
                <event event_id="70" event_start_date="2021-01-01T10:00:00" event_end_date="2021-01-01T11:00:00">
                  <zone zone_id="1" capacity="5" price="9.50" name="A" numbered="false"/>
                </event>
              </base_event>
            </output></eventList>
            """);

        var plan = Assert.Single(plans);
        Assert.Equal((7L, 70L, 9.50m), (plan.BasePlanId, plan.PlanId, plan.MinPrice));
        Assert.Same(FeedVocabulary.Events, report.Vocabulary);
    }

    [Fact]
    public void Plan_id_is_unique_only_inside_its_base_plan()
    {
        var (plans, _) = Parse(Feed(
            BasePlan(322, Plan(1642)) + BasePlan(1591, Plan(1642))));

        Assert.Equal([(322L, 1642L), (1591L, 1642L)], plans.Select(p => (p.BasePlanId, p.PlanId)));
    }

    [Fact]
    public void Keeps_both_rows_of_a_zone_listed_twice_and_prices_over_every_zone_whatever_its_capacity()
    {
        var (plans, _) = Parse(Feed(BasePlan(1591, Plan(1642,
            zones: """
                <zone zone_id="186" capacity="0" price="75.00" name="Amfiteatre" numbered="true"/>
                <zone zone_id="186" capacity="12" price="65.00" name="Amfiteatre" numbered="false"/>
                """))));

        var plan = Assert.Single(plans);
        Assert.Equal(2, plan.Zones.Count(z => z.ZoneId == 186));
        Assert.Equal((65.00m, 75.00m), (plan.MinPrice, plan.MaxPrice));
    }

    [Fact]
    public void A_plan_without_zones_has_no_prices()
    {
        var (plans, _) = Parse(Feed(BasePlan(1, Plan(1, zones: ""))));

        var plan = Assert.Single(plans);
        Assert.Empty(plan.Zones);
        Assert.Null(plan.MinPrice);
        Assert.Null(plan.MaxPrice);
    }

    [Theory]
    [InlineData("plan_start_date=\"2021-09-31T20:00:00\"", "plan_end_date=\"2021-10-01T21:00:00\"", SkipReason.InvalidDate)]
    [InlineData("plan_start_date=\"2021-02-29T20:00:00\"", "plan_end_date=\"2021-03-01T21:00:00\"", SkipReason.InvalidDate)]
    [InlineData("plan_start_date=\"2021-06-30T21:00:00\"", "plan_end_date=\"2021-06-31T22:00:00\"", SkipReason.InvalidDate)]
    [InlineData("plan_start_date=\"tomorrow\"", "plan_end_date=\"2021-06-30T22:00:00\"", SkipReason.InvalidDate)]
    [InlineData("plan_start_date=\"2021-06-30T22:00:00\"", "plan_end_date=\"2021-06-30T21:00:00\"", SkipReason.EndBeforeStart)]
    [InlineData("", "plan_end_date=\"2021-06-30T22:00:00\"", SkipReason.MissingAttribute)]
    [InlineData("plan_start_date=\"2021-06-30T21:00:00\"", "", SkipReason.MissingAttribute)]
    public void Skips_a_plan_with_bad_dates_counts_it_and_keeps_the_rest(string start, string end, string reason)
    {
        var bad = $"""<plan plan_id="2" {start} {end}><zone zone_id="1" price="1.00"/></plan>""";
        var (plans, report) = Parse(Feed(BasePlan(1, Plan(1) + bad + Plan(3))));

        Assert.Equal([1L, 3L], plans.Select(p => p.PlanId));
        Assert.Equal((3, 2, 1), (report.PlansSeen, report.PlansAccepted, report.PlansSkipped));
        Assert.Equal(1, report.SkipReasons[reason]);
    }

    [Theory]
    [InlineData("""plan_id="2" sell_from="2021-13-01T00:00:00" """, SkipReason.InvalidDate)]
    [InlineData("""plan_id="2" sold_out="maybe" """, SkipReason.InvalidValue)]
    [InlineData("""plan_id="x1" """, SkipReason.InvalidId)]
    [InlineData("""plan_id="-4" """, SkipReason.InvalidId)]
    public void Skips_a_plan_with_a_bad_optional_or_id_attribute(string attributes, string reason)
    {
        var bad = $"""<plan {attributes} plan_start_date="2021-01-01T10:00:00" plan_end_date="2021-01-01T11:00:00"/>""";
        var (plans, report) = Parse(Feed(BasePlan(1, Plan(1) + bad)));

        Assert.Equal([1L], plans.Select(p => p.PlanId));
        Assert.Equal(1, report.SkipReasons[reason]);
    }

    [Theory]
    [InlineData("""<zone zone_id="9" capacity="1" price="-5.00" name="Bad"/>""", SkipReason.ZoneInvalidPrice)]
    [InlineData("""<zone zone_id="9" capacity="1" price="free" name="Bad"/>""", SkipReason.ZoneInvalidPrice)]
    [InlineData("""<zone zone_id="9" capacity="1" name="Bad"/>""", SkipReason.ZoneMissingAttribute)]
    [InlineData("""<zone capacity="1" price="3.00" name="Bad"/>""", SkipReason.ZoneMissingAttribute)]
    [InlineData("""<zone zone_id="z" capacity="1" price="3.00" name="Bad"/>""", SkipReason.ZoneInvalidId)]
    [InlineData("""<zone zone_id="9" capacity="-1" price="3.00" name="Bad"/>""", SkipReason.ZoneInvalidCapacity)]
    public void Skips_a_bad_zone_but_keeps_its_plan(string badZone, string reason)
    {
        var zones = """<zone zone_id="1" capacity="10" price="10.00" name="Good" numbered="true"/>""" + badZone;
        var (plans, report) = Parse(Feed(BasePlan(1, Plan(1, zones))));

        var plan = Assert.Single(plans);
        Assert.Equal([1L], plan.Zones.Select(z => z.ZoneId));
        Assert.Equal((10.00m, 10.00m), (plan.MinPrice, plan.MaxPrice));
        Assert.Equal((1, 1), (report.ZonesSkipped, report.SkipReasons[reason]));
    }

    [Fact]
    public void Leaves_out_offline_base_plans_and_base_plans_missing_their_identity()
    {
        var feed = Feed(
            """<base_plan base_plan_id="444" sell_mode="offline" title="Tributo">""" + Plan(1643) + "</base_plan>" +
            """<base_plan sell_mode="online" title="No id">""" + Plan(1) + "</base_plan>" +
            """<base_plan base_plan_id="5" sell_mode="online">""" + Plan(1) + "</base_plan>" +
            BasePlan(6, Plan(1)));

        var (plans, report) = Parse(feed);

        Assert.Equal([6L], plans.Select(p => p.BasePlanId));
        Assert.Equal(1, report.SkipReasons[SkipReason.Offline]);
        Assert.Equal(2, report.SkipReasons[SkipReason.MissingAttribute]);
    }

    [Fact]
    public void Ignores_unknown_attributes_and_elements_anywhere()
    {
        var (plans, _) = Parse("""
            <planList version="9" flavour="x"><meta><base_plan base_plan_id="99"/></meta><output>
              <banner>hi</banner>
              <base_plan base_plan_id="1" sell_mode="online" title="T" city="Madrid">
                <venue name="Somewhere"><plan plan_id="5" plan_start_date="2021-01-01T10:00:00" plan_end_date="2021-01-01T11:00:00"/></venue>
                <plan plan_id="1" plan_start_date="2021-01-01T10:00:00" plan_end_date="2021-01-01T11:00:00" colour="red">
                  <notes>ignore <b>me</b></notes>
                  <zone zone_id="1" capacity="1" price="1.00" name="A" numbered="true" vip="yes"><extra/></zone>
                </plan>
              </base_plan>
            </output></planList>
            """);

        var plan = Assert.Single(plans);
        Assert.Equal(1L, plan.PlanId);
        Assert.Single(plan.Zones);
    }

    [Fact]
    public void A_plan_listed_twice_is_stored_once_and_counted_as_a_duplicate()
    {
        var (plans, report) = Parse(Feed(BasePlan(1, Plan(1) + Plan(1))));

        Assert.Single(plans);
        Assert.Equal(1, report.SkipReasons[SkipReason.DuplicatePlan]);
    }

    [Theory]
    [InlineData("2021-06-30T21:00:00", "2021-06-30T21:00:00")]
    [InlineData("2021-06-30T21:00", "2021-06-30T21:00:00")]
    [InlineData("2021-06-30T21:00:00.5", "2021-06-30T21:00:00.5")]
    [InlineData("2021-06-30T21:00:00Z", "2021-06-30T21:00:00")]
    [InlineData("2021-06-30T23:00:00+02:00", "2021-06-30T21:00:00")]
    public void Reads_times_as_utc_wall_clock(string text, string expected)
    {
        Assert.True(FeedValues.TryParseTime(text, out var value));
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeKind.Unspecified, value.Kind);
    }

    [Theory]
    [InlineData("<planList><output><base_plan base_plan_id=\"1\" sell_mode=\"online\" title=\"T\"><plan plan_id=\"1\" plan_start_date=\"2021-0")]
    [InlineData("<planList><output></base_plan></output></planList>")]
    [InlineData("not xml at all")]
    public void Truncated_or_malformed_xml_throws(string xml)
    {
        Assert.Throws<XmlException>(() => Parse(xml));
    }

    [Fact]
    public void A_document_that_is_not_the_feed_is_refused()
    {
        var exception = Assert.Throws<FeedFormatException>(() => Parse("<html><body>Maintenance</body></html>"));
        Assert.Contains("<html>", exception.Message);
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            _parser.Parse(Utf8(Feed(BasePlan(1, Plan(1)))), new FeedParseReport(), cancelled.Token).ToList());
    }

    [Fact]
    public void Parses_the_three_provider_samples()
    {
        var counts = new List<(int Accepted, int Skipped)>();
        foreach (var sample in ProviderSamples.Load())
        {
            using var xml = new MemoryStream(sample.ToArray());
            var report = new FeedParseReport();
            _ = _parser.Parse(xml, report).Count();
            counts.Add((report.PlansAccepted, report.PlansSkipped));
        }

        // 2: base plan 444 is offline; 3: 444 offline and 1651's 2021-09-31 start is impossible.
        Assert.Equal([(3, 0), (2, 1), (3, 2)], counts);
    }

    internal static string Feed(string basePlans) =>
        $"""<?xml version="1.0" encoding="UTF-8"?><planList version="1.0"><output>{basePlans}</output></planList>""";

    internal static string BasePlan(long id, string plans) =>
        $"""<base_plan base_plan_id="{id}" sell_mode="online" title="Show {id}">{plans}</base_plan>""";

    internal static string Plan(long id, string zones = """<zone zone_id="1" capacity="10" price="10.00" name="A" numbered="true"/>""") =>
        $"""<plan plan_id="{id}" plan_start_date="2021-01-01T10:00:00" plan_end_date="2021-01-01T11:00:00" sell_from="2020-12-01T00:00:00" sell_to="2021-01-01T09:00:00" sold_out="false">{zones}</plan>""";

    private (List<FeedPlan> Plans, FeedParseReport Report) Parse(string xml)
    {
        var report = new FeedParseReport();
        var plans = _parser.Parse(Utf8(xml), report).ToList();
        return (plans, report);
    }

    private static MemoryStream Utf8(string xml) => new(Encoding.UTF8.GetBytes(xml));
}

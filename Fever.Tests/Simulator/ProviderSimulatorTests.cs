using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Xml;
using Fever.ProviderSimulator;

namespace Fever.Tests.Simulator;

public sealed class ProviderSimulatorTests
{
    static readonly IReadOnlyList<ReadOnlyMemory<byte>> Samples = ProviderSamples.Load();

    [Fact]
    public async Task Serves_the_samples_in_sequence_and_loops()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();

        for (var call = 0; call < 4; call++)
        {
            using var response = await http.GetAsync(simulator.FeedUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            AssertSample(call % Samples.Count, await response.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(4, simulator.SamplesServed);
    }

    [Fact]
    public async Task Without_loop_keeps_serving_the_last_sample()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { Loop = false });
        using var http = new HttpClient();

        var bodies = await GetBodies(http, simulator, Samples.Count + 1);

        AssertSample(Samples.Count - 1, bodies[^2]);
        AssertSample(Samples.Count - 1, bodies[^1]);
    }

    [Fact]
    public async Task Failed_calls_do_not_advance_the_sequence()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { FailEvery = 2 });
        using var http = new HttpClient();

        var statuses = new List<HttpStatusCode>();
        var served = new List<byte[]>();
        for (var call = 1; call <= 6; call++)
        {
            using var response = await http.GetAsync(simulator.FeedUrl);
            statuses.Add(response.StatusCode);
            if (response.IsSuccessStatusCode)
                served.Add(await response.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK,
            HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], statuses);
        AssertSample(0, served[0]);
        AssertSample(1, served[1]);
        AssertSample(2, served[2]);
        Assert.Equal(new SimulatorStatus(6, 3, 3, "samples"), simulator.Status);
    }

    [Fact]
    public async Task FailEvery_fails_every_nth_call_with_an_empty_503()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { FailEvery = 4 });
        using var http = new HttpClient();

        var failed = new List<int>();
        for (var call = 1; call <= 8; call++)
        {
            using var response = await http.GetAsync(simulator.FeedUrl);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                failed.Add(call);
                Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            }
        }

        Assert.Equal([4, 8], failed);
        Assert.Equal(8, simulator.Calls);
        Assert.Equal(2, simulator.Failures);
    }

    [Fact]
    public async Task FailNext_fails_the_next_calls_only()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();

        simulator.FailNext(2);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(simulator.FeedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(simulator.FeedUrl)).StatusCode);
        AssertSample(0, await http.GetByteArrayAsync(simulator.FeedUrl));
    }

    [Fact]
    public async Task FailureRate_of_one_fails_every_call()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { FailureRate = 1 });
        using var http = new HttpClient();

        for (var call = 0; call < 3; call++)
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(simulator.FeedUrl)).StatusCode);
        Assert.Equal(0, simulator.SamplesServed);
    }

    [Fact]
    public async Task Latency_delays_every_call_failed_or_not()
    {
        var latency = TimeSpan.FromMilliseconds(150);
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { MinLatency = latency, MaxLatency = latency });
        using var http = new HttpClient();
        simulator.FailNext(1);

        foreach (var expected in new[] { HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK })
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(simulator.FeedUrl);
            Assert.Equal(expected, response.StatusCode);
            Assert.True(watch.Elapsed >= latency - TimeSpan.FromMilliseconds(20), $"answered after {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task TruncateNext_answers_a_clean_200_with_a_cut_document()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();

        simulator.TruncateNext(1);

        using var response = await http.GetAsync(simulator.FeedUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.InRange(body.Length, 1, Samples[0].Length - 1);
        Assert.Throws<XmlException>(() => CountElements(body));
        AssertSample(1, await http.GetByteArrayAsync(simulator.FeedUrl));
    }

    [Fact]
    public async Task TruncateRate_cuts_every_document_somewhere()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { TruncateRate = 1 });
        using var http = new HttpClient();

        foreach (var body in await GetBodies(http, simulator, 6))
            Assert.Throws<XmlException>(() => CountElements(body));
    }

    [Fact]
    public async Task AbortNext_breaks_the_connection_mid_body_without_advancing()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();

        simulator.AbortNext(1);

        using (var response = await http.GetAsync(simulator.FeedUrl, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await using var body = await response.Content.ReadAsStreamAsync();
            await Assert.ThrowsAnyAsync<IOException>(() => body.CopyToAsync(Stream.Null));
        }
        AssertSample(0, await http.GetByteArrayAsync(simulator.FeedUrl));
        Assert.Equal(1, simulator.Failures);
    }

    [Fact]
    public async Task Reset_restarts_the_sequence()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();
        await GetBodies(http, simulator, 2);

        simulator.Reset();
        AssertSample(0, await http.GetByteArrayAsync(simulator.FeedUrl));

        simulator.Reset(2);
        AssertSample(2, await http.GetByteArrayAsync(simulator.FeedUrl));
    }

    [Fact]
    public async Task Status_endpoint_reports_the_counters()
    {
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new());
        using var http = new HttpClient();
        simulator.FailNext(1);
        await GetBodies(http, simulator, 3);

        var status = await http.GetFromJsonAsync<SimulatorStatus>(new Uri(simulator.BaseAddress, "simulator/status"));

        Assert.Equal(new SimulatorStatus(3, 1, 2, "samples"), status);
    }

    [Fact]
    public async Task Serves_the_samples_of_a_directory_in_name_order()
    {
        var directory = Directory.CreateTempSubdirectory("fever-samples-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "b.xml"), "<planList><output/></planList>");
            File.WriteAllText(Path.Combine(directory.FullName, "a.xml"), "<planList/>");
            await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { SamplesDirectory = directory.FullName });
            using var http = new HttpClient();

            Assert.Equal("<planList/>", await http.GetStringAsync(simulator.FeedUrl));
            Assert.Equal("<planList><output/></planList>", await http.GetStringAsync(simulator.FeedUrl));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Serves_a_generated_feed_of_the_requested_size()
    {
        var size = new GeneratedFeedOptions { BasePlans = 30, PlansPerBase = 3, ZonesPerPlan = 7 };
        await using var simulator = await EmbeddedProviderSimulator.StartAsync(new() { Generated = size });
        using var http = new HttpClient();

        var first = await http.GetByteArrayAsync(simulator.FeedUrl);
        var second = await http.GetByteArrayAsync(simulator.FeedUrl);

        var counts = CountElements(first);
        Assert.Equal(30, counts.GetValueOrDefault("base_plan"));
        Assert.Equal(30 * 3, counts.GetValueOrDefault("plan"));
        Assert.Equal(30 * 3 * 7, counts.GetValueOrDefault("zone"));
        Assert.Equal(first, second);
        Assert.Equal("generated", simulator.Status.Mode);
    }

    [Fact]
    public void Generated_feed_is_deterministic_and_streams_the_same_bytes()
    {
        var size = new GeneratedFeedOptions { BasePlans = 20, PlansPerBase = 2, ZonesPerPlan = 5 };
        var feed = new GeneratedFeed(size);
        using var streamed = new MemoryStream();

        feed.WriteTo(streamed);

        Assert.Equal(feed.Content.ToArray(), new GeneratedFeed(size).Content.ToArray());
        Assert.Equal(feed.Content.ToArray(), streamed.ToArray());
        Assert.Equal(streamed.Length, feed.ByteLength);
        Assert.Equal(40, feed.PlanCount);
        Assert.Equal(200, feed.ZoneCount);
    }

    [Fact]
    public void Generated_feed_has_valid_plans_and_zones()
    {
        var feed = new GeneratedFeed(new() { BasePlans = 50, PlansPerBase = 4, ZonesPerPlan = 3 });
        var basePlanIds = new List<int>();
        var planIds = new HashSet<(int, int)>();

        using var reader = XmlReader.Create(new MemoryStream(feed.Content.ToArray()));
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element)
                continue;
            switch (reader.LocalName)
            {
                case "base_plan":
                    basePlanIds.Add(int.Parse(reader.GetAttribute("base_plan_id")!));
                    Assert.Equal("online", reader.GetAttribute("sell_mode"));
                    Assert.False(string.IsNullOrWhiteSpace(reader.GetAttribute("title")));
                    break;
                case "plan":
                    Assert.True(planIds.Add((basePlanIds[^1], int.Parse(reader.GetAttribute("plan_id")!))));
                    var start = ParseDate(reader.GetAttribute("plan_start_date"));
                    var end = ParseDate(reader.GetAttribute("plan_end_date"));
                    Assert.True(end > start);
                    Assert.InRange(start.Year, 2021, 2030);
                    Assert.InRange(end.Year, 2021, 2030);
                    Assert.True(ParseDate(reader.GetAttribute("sell_from")) < ParseDate(reader.GetAttribute("sell_to")));
                    Assert.True(ParseDate(reader.GetAttribute("sell_to")) < start);
                    Assert.Contains(reader.GetAttribute("sold_out"), new[] { "true", "false" });
                    break;
                case "zone":
                    Assert.Matches(@"^\d+\.\d\d$", reader.GetAttribute("price"));
                    Assert.Contains(reader.GetAttribute("numbered"), new[] { "true", "false" });
                    Assert.False(string.IsNullOrWhiteSpace(reader.GetAttribute("name")));
                    break;
            }
        }

        Assert.Equal(Enumerable.Range(1, 50), basePlanIds);
        Assert.Equal(200, planIds.Count);
    }

    static async Task<List<byte[]>> GetBodies(HttpClient http, EmbeddedProviderSimulator simulator, int calls)
    {
        var bodies = new List<byte[]>();
        for (var call = 0; call < calls; call++)
        {
            using var response = await http.GetAsync(simulator.FeedUrl);
            bodies.Add(await response.Content.ReadAsByteArrayAsync());
        }
        return bodies;
    }

    static void AssertSample(int index, byte[] body) => Assert.Equal(Samples[index].ToArray(), body);

    static Dictionary<string, int> CountElements(byte[] xml)
    {
        var counts = new Dictionary<string, int>();
        using var reader = XmlReader.Create(new MemoryStream(xml));
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
                counts[reader.LocalName] = counts.GetValueOrDefault(reader.LocalName) + 1;
        }
        return counts;
    }

    static DateTime ParseDate(string? value) =>
        DateTime.ParseExact(value!, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}

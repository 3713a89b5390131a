using System.Globalization;
using System.Text;
using System.Xml;

namespace Fever.ProviderSimulator;

/// <summary>
/// A deterministic provider answer of <c>BasePlans × PlansPerBase × ZonesPerPlan</c> zones in the
/// <c>planList</c> vocabulary, written element by element to a stream: no size ever needs the
/// document as a string. Base plan ids are 1..N, all online; plan ids are 1..M inside each base
/// plan (so, like the real feed, they repeat across base plans); every value of a base plan is
/// drawn from a random seeded with its id, so a smaller feed is a prefix of a bigger one.
/// </summary>
public sealed class GeneratedFeed
{
    static readonly string[] Shows =
    [
        "Camela en concierto", "Pantomima Full", "Los Morancos", "Tributo a Queen", "El Rey León",
        "Candlelight: Vivaldi", "Monólogo de Dani Rovira", "Ballet de Kiev: El lago de los cisnes",
        "Jazz en la azotea", "Cirque du Soleil", "Noche flamenca", "Orquesta Sinfónica: Beethoven",
    ];

    static readonly string[] Cities =
    [
        "Madrid", "Barcelona", "Sevilla", "Valencia", "Málaga", "Bilbao", "Zaragoza", "A Coruña",
    ];

    static readonly string[] ZoneNames =
    [
        "Platea", "Grada", "Anfiteatro", "Palco", "Pista", "VIP", "Tribuna", "Gallinero",
    ];

    static readonly DateTime FirstSession = new(2021, 7, 1);

    // Sessions start on or before 2030-12-30, so that even the latest one ends in 2030.
    static readonly int SessionDays = (new DateTime(2030, 12, 30) - FirstSession).Days + 1;

    static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
    };

    readonly GeneratedFeedOptions options;
    readonly Lazy<byte[]> content;

    public GeneratedFeed(GeneratedFeedOptions options)
    {
        if (options.Problems().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(options));
        this.options = options;
        content = new Lazy<byte[]>(Render);
    }

    public int BasePlanCount => options.BasePlans;

    public int PlanCount => options.BasePlans * options.PlansPerBase;

    public long ZoneCount => (long)PlanCount * options.ZonesPerPlan;

    /// <summary>The whole document, rendered once on first use, so that serving it is copying bytes.</summary>
    public ReadOnlyMemory<byte> Content => content.Value;

    /// <summary>Size of <see cref="Content"/> in bytes (renders it if not done yet).</summary>
    public long ByteLength => content.Value.LongLength;

    /// <summary>Writes the document to <paramref name="destination"/>, one element at a time.</summary>
    public void WriteTo(Stream destination)
    {
        using var writer = XmlWriter.Create(destination, Settings);
        writer.WriteStartDocument();
        writer.WriteStartElement("planList");
        writer.WriteAttributeString("version", "1.0");
        writer.WriteStartElement("output");
        for (var basePlanId = 1; basePlanId <= options.BasePlans; basePlanId++)
            WriteBasePlan(writer, basePlanId);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndDocument();
    }

    byte[] Render()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    void WriteBasePlan(XmlWriter writer, int basePlanId)
    {
        var random = new Random(basePlanId);
        writer.WriteStartElement("base_plan");
        writer.WriteAttributeString("base_plan_id", Format(basePlanId));
        writer.WriteAttributeString("sell_mode", "online");
        if (random.Next(5) != 0)
            writer.WriteAttributeString("organizer_company_id", Format(random.Next(1, 21)));
        writer.WriteAttributeString("title", $"{Pick(random, Shows)} ({Pick(random, Cities)})");
        for (var planId = 1; planId <= options.PlansPerBase; planId++)
            WritePlan(writer, random, planId);
        writer.WriteEndElement();
    }

    void WritePlan(XmlWriter writer, Random random, int planId)
    {
        var start = FirstSession
            .AddDays(random.Next(SessionDays))
            .AddHours(random.Next(17, 23))
            .AddMinutes(30 * random.Next(2));
        var end = start.AddMinutes(30 * random.Next(2, 7));
        var sellFrom = start.Date.AddDays(-random.Next(30, 181));
        var sellTo = start.AddMinutes(-10 * random.Next(1, 7));

        writer.WriteStartElement("plan");
        writer.WriteAttributeString("plan_id", Format(planId));
        writer.WriteAttributeString("plan_start_date", Format(start));
        writer.WriteAttributeString("plan_end_date", Format(end));
        writer.WriteAttributeString("sell_from", Format(sellFrom));
        writer.WriteAttributeString("sell_to", Format(sellTo));
        writer.WriteAttributeString("sold_out", Format(random.Next(10) == 0));
        for (var zoneId = 1; zoneId <= options.ZonesPerPlan; zoneId++)
            WriteZone(writer, random, zoneId);
        writer.WriteEndElement();
    }

    static void WriteZone(XmlWriter writer, Random random, int zoneId)
    {
        var cents = random.Next(500, 15_001);
        writer.WriteStartElement("zone");
        writer.WriteAttributeString("zone_id", Format(zoneId));
        writer.WriteAttributeString("capacity", Format(random.Next(0, 501)));
        writer.WriteAttributeString("price", (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture));
        writer.WriteAttributeString("name", $"{ZoneNames[(zoneId - 1) % ZoneNames.Length]} {(zoneId - 1) / ZoneNames.Length + 1}");
        writer.WriteAttributeString("numbered", Format(random.Next(2) == 0));
        writer.WriteEndElement();
    }

    static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    static string Format(DateTime value) => value.ToString("s", CultureInfo.InvariantCulture);

    static string Format(bool value) => value ? "true" : "false";
}

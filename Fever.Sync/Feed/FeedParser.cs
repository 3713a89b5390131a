using System.Globalization;
using System.Xml;
using Microsoft.Extensions.Logging;

namespace Fever.Sync.Feed;

/// <summary>
/// Reads the provider's XML as a stream, one plan at a time, in either vocabulary. Bad plans and zones are
/// skipped, counted in the <see cref="FeedParseReport"/> and logged; a document that is not well-formed
/// throws <see cref="XmlException"/> (the run must then fail as a whole). Memory stays flat: only the current
/// plan and the set of (base_plan_id, plan_id) keys seen so far are held.
/// </summary>
public sealed partial class FeedParser(ILogger<FeedParser> logger)
{
    private const int DetailedSkipLogsPerParse = 20;

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <remarks>
    /// Synchronous on purpose: the sync worker runs it on a thread of its own (see <see cref="ReadAhead"/>), and
    /// XmlReader's synchronous path is about twice as fast as its async one, most of all in a cold process.
    /// </remarks>
    public IEnumerable<FeedPlan> Parse(Stream xml, FeedParseReport report, CancellationToken cancellationToken = default)
    {
        using var reader = XmlReader.Create(xml, ReaderSettings);
        reader.MoveToContent();
        var vocabulary = FeedVocabulary.ForRoot(reader.LocalName)
            ?? throw new FeedFormatException(
                $"The feed's root element is <{reader.LocalName}>; expected <{FeedVocabulary.Plans.Root}> or <{FeedVocabulary.Events.Root}>.");
        report.Vocabulary = vocabulary;

        var keysSeen = new HashSet<(long BasePlanId, long PlanId)>();
        BasePlanHeader? basePlan = null;
        var skipsLogged = 0;

        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.NodeType == XmlNodeType.EndElement && basePlan is not null && reader.Depth == basePlan.Depth)
            {
                basePlan = null;
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element)
                continue;

            if (reader.LocalName == vocabulary.BasePlan)
            {
                basePlan = reader.IsEmptyElement ? null : BasePlanHeader.Read(reader, vocabulary);
                continue;
            }
            if (basePlan is null || reader.LocalName != vocabulary.Plan || reader.Depth != basePlan.Depth + 1)
                continue;

            report.PlansSeen++;
            var planIdText = reader.GetAttribute(vocabulary.PlanId);
            var (plan, problem) = basePlan.Problem is { } baseProblem
                ? (null, baseProblem)
                : ReadPlan(reader, vocabulary, basePlan, report);

            if (plan is not null && !keysSeen.Add((plan.BasePlanId, plan.PlanId)))
                (plan, problem) = (null, new Problem(SkipReason.DuplicatePlan, "the same plan appears earlier in this feed"));

            if (plan is null)
            {
                report.SkipPlan(problem!.Reason);
                if (problem.Reason != SkipReason.Offline && skipsLogged++ < DetailedSkipLogsPerParse)
                    LogPlanSkipped(basePlan.IdText, planIdText, problem.Reason, problem.Detail);
                continue;
            }

            report.PlansAccepted++;
            yield return plan;
        }

        if (skipsLogged > DetailedSkipLogsPerParse)
            LogMoreSkips(skipsLogged - DetailedSkipLogsPerParse);
    }

    private static (FeedPlan? Plan, Problem? Problem) ReadPlan(
        XmlReader reader, FeedVocabulary vocabulary, BasePlanHeader basePlan, FeedParseReport report)
    {
        if (Required(reader, vocabulary.PlanId, out var planIdText) is { } missingId)
            return (null, missingId);
        if (!long.TryParse(planIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var planId))
            return (null, new Problem(SkipReason.InvalidId, $"{vocabulary.PlanId}='{planIdText}' is not a number"));

        if (Required(reader, vocabulary.PlanStart, out var startText) is { } missingStart)
            return (null, missingStart);
        if (Required(reader, vocabulary.PlanEnd, out var endText) is { } missingEnd)
            return (null, missingEnd);
        if (!FeedValues.TryParseTime(startText, out var startsAt))
            return (null, new Problem(SkipReason.InvalidDate, $"{vocabulary.PlanStart}='{startText}' is not a valid date-time"));
        if (!FeedValues.TryParseTime(endText, out var endsAt))
            return (null, new Problem(SkipReason.InvalidDate, $"{vocabulary.PlanEnd}='{endText}' is not a valid date-time"));
        if (endsAt < startsAt)
            return (null, new Problem(SkipReason.EndBeforeStart, $"ends at {endText}, before it starts at {startText}"));

        if (!TryOptionalTime(reader, "sell_from", out var sellFrom, out var badSellFrom))
            return (null, badSellFrom);
        if (!TryOptionalTime(reader, "sell_to", out var sellTo, out var badSellTo))
            return (null, badSellTo);

        var soldOutText = reader.GetAttribute("sold_out");
        if (!FeedValues.TryParseBoolean(soldOutText, out var soldOut))
            return (null, new Problem(SkipReason.InvalidValue, $"sold_out='{soldOutText}' is neither true nor false"));

        var zones = reader.IsEmptyElement ? [] : ReadZones(reader, report);
        return (new FeedPlan(basePlan.Id, planId, basePlan.Title, basePlan.OrganizerCompanyId,
            startsAt, endsAt, sellFrom, sellTo, soldOut ?? false, zones), null);
    }

    private static List<FeedZone> ReadZones(XmlReader reader, FeedParseReport report)
    {
        var zones = new List<FeedZone>();
        var planDepth = reader.Depth;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == planDepth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != planDepth + 1 || reader.LocalName != "zone")
                continue;

            var zoneIdText = reader.GetAttribute("zone_id");
            var priceText = reader.GetAttribute("price");
            var capacityText = reader.GetAttribute("capacity");
            var numberedText = reader.GetAttribute("numbered");

            if (zoneIdText is null || priceText is null)
                report.SkipZone(SkipReason.ZoneMissingAttribute);
            else if (!long.TryParse(zoneIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var zoneId))
                report.SkipZone(SkipReason.ZoneInvalidId);
            else if (!FeedValues.TryParsePrice(priceText, out var price))
                report.SkipZone(SkipReason.ZoneInvalidPrice);
            else if (!FeedValues.TryParseCapacity(capacityText, out var capacity))
                report.SkipZone(SkipReason.ZoneInvalidCapacity);
            else
                zones.Add(new FeedZone(zoneId, reader.GetAttribute("name"), capacity, price,
                    FeedValues.TryParseBoolean(numberedText, out var numbered) ? numbered : null));
        }
        return zones;
    }

    private static Problem? Required(XmlReader reader, string attribute, out string value)
    {
        value = reader.GetAttribute(attribute) ?? "";
        return string.IsNullOrWhiteSpace(value)
            ? new Problem(SkipReason.MissingAttribute, $"attribute {attribute} is missing")
            : null;
    }

    private static bool TryOptionalTime(XmlReader reader, string attribute, out DateTime? value, out Problem? problem)
    {
        var text = reader.GetAttribute(attribute);
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(text))
            return true;
        if (FeedValues.TryParseTime(text, out var time))
        {
            value = time;
            return true;
        }
        problem = new Problem(SkipReason.InvalidDate, $"{attribute}='{text}' is not a valid date-time");
        return false;
    }

    internal sealed record Problem(string Reason, string Detail);

    /// <summary>The attributes of the enclosing base plan that its plans inherit, or why they are all skipped.</summary>
    private sealed record BasePlanHeader(int Depth, string? IdText, long Id, string Title, long? OrganizerCompanyId, Problem? Problem)
    {
        public static BasePlanHeader Read(XmlReader reader, FeedVocabulary vocabulary)
        {
            var idText = reader.GetAttribute(vocabulary.BasePlanId);
            var title = reader.GetAttribute("title");
            var sellMode = reader.GetAttribute("sell_mode");
            var organizerText = reader.GetAttribute("organizer_company_id");
            long? organizer = long.TryParse(organizerText, NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : null;

            Problem? problem = null;
            long id = 0;
            if (string.IsNullOrWhiteSpace(idText))
                problem = new(SkipReason.MissingAttribute, $"its base plan has no {vocabulary.BasePlanId}");
            else if (!long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out id))
                problem = new(SkipReason.InvalidId, $"{vocabulary.BasePlanId}='{idText}' is not a number");
            else if (string.IsNullOrWhiteSpace(title))
                problem = new(SkipReason.MissingAttribute, "its base plan has no title");
            else if (sellMode is null)
                problem = new(SkipReason.MissingAttribute, "its base plan has no sell_mode");
            else if (!sellMode.Equals("online", StringComparison.OrdinalIgnoreCase))
                problem = new(SkipReason.Offline, $"sell_mode='{sellMode}'");

            return new BasePlanHeader(reader.Depth, idText, id, title ?? "", organizer, problem);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped plan {PlanId} of base plan {BasePlanId}: {Reason} ({Detail})")]
    private partial void LogPlanSkipped(string? basePlanId, string? planId, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped {Count} more plans without logging each; see the run's skip_reasons")]
    private partial void LogMoreSkips(int count);
}

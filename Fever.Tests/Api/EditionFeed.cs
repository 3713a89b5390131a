namespace Fever.Tests.Api;

/// <summary>
/// A feed of <see cref="Events"/> events in January 2030 (about seven a day) whose titles name an edition and whose
/// zones all cost one price: storing a second edition over the first rewrites every event in one sync run.
/// </summary>
public static class EditionFeed
{
    public const int Events = 200;

    public static string Xml(string edition, int price) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <planList version="1.0"><output>
        {string.Concat(Enumerable.Range(1, Events).Select(i => $"""
          <base_plan base_plan_id="{i}" sell_mode="online" title="Show {i} ({edition})">
            <plan plan_start_date="2030-01-{1 + i % 28:00}T20:00:00" plan_end_date="2030-01-{1 + i % 28:00}T22:00:00" plan_id="{i}" sell_from="2029-01-01T00:00:00" sell_to="2030-01-01T00:00:00" sold_out="false">
              <zone zone_id="1" capacity="10" price="{price}.00" name="Platea" numbered="true"/>
            </plan>
          </base_plan>
        """))}
        </output></planList>
        """;
}

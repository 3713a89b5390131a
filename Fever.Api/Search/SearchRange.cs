using Fever.Api.Http;
using System.Diagnostics.CodeAnalysis;

namespace Fever.Api.Search;

/// <summary>
/// The bounds of a search in ticks of UTC wall-clock time (as events are stored), both inclusive; an absent
/// bound is open. Parsed from the query string, refusing what a client most likely got wrong.
/// </summary>
public readonly record struct SearchRange(long From, long To)
{
    public const string StartsAt = "starts_at";
    public const string EndsAt = "ends_at";

    public static bool TryParse(IQueryCollection query, out SearchRange range, [NotNullWhen(false)] out ApiError? error)
    {
        range = default;
        error = null;
        foreach (var (name, values) in query)
        {
            if (name is not (StartsAt or EndsAt))
            {
                error = ApiError.BadRequest(ErrorCodes.UnknownParameter,
                    $"Unknown query parameter '{Truncated(name)}': /search takes only {StartsAt} and {EndsAt}.");
                return false;
            }
            if (values.Count > 1)
            {
                error = ApiError.BadRequest(ErrorCodes.RepeatedParameter, $"{name} is given {values.Count} times; give it once.");
                return false;
            }
        }

        var from = DateTime.MinValue.Ticks;
        var to = DateTime.MaxValue.Ticks;
        if (query.TryGetValue(StartsAt, out var startsAt) && !DateTimeParameter.TryParse(StartsAt, startsAt.ToString(), out from, out error))
            return false;
        if (query.TryGetValue(EndsAt, out var endsAt) && !DateTimeParameter.TryParse(EndsAt, endsAt.ToString(), out to, out error))
            return false;
        if (from > to)
        {
            error = ApiError.BadRequest(ErrorCodes.InvalidRange,
                $"{StartsAt} ({startsAt}) is later than {EndsAt} ({endsAt}), so no event could match; did you swap them?");
            return false;
        }

        range = new SearchRange(from, to);
        return true;
    }

    private static string Truncated(string name) => name.Length <= 40 ? name : name[..40] + "…";
}

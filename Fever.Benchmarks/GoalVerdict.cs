namespace Fever.Benchmarks;

/// <summary>How a report states a goal: met or missed (a missed goal is a result, not an error).</summary>
public static class GoalVerdict
{
    public static string Of(bool met) => met ? "met" : "missed";
}

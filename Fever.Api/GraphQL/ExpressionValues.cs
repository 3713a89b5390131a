using System.Linq.Expressions;

namespace Fever.Api.GraphQL;

/// <summary>
/// Values put into expression trees as captured variables (a field of a constant holder), so EF Core sends them
/// as SQL parameters and reuses its compiled query, as it would for a lambda's closure.
/// </summary>
public static class ExpressionValues
{
    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }

    public static Expression Parameter(object? value, Type type)
    {
        var holderType = typeof(Holder<>).MakeGenericType(type);
        var holder = Activator.CreateInstance(holderType, value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Holder<int>.Value));
    }

    /// <summary>The body of <paramref name="column"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Bind(LambdaExpression column, ParameterExpression parameter) =>
        new Rebinder(column.Parameters[0], parameter).Visit(column.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}

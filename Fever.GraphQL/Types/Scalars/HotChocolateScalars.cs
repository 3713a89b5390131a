namespace Fever.GraphQL.Types.Scalars;

/// <summary>The extra scalars HotChocolate names and formats this way, one instance each per process.</summary>
public static class HotChocolateScalars
{
    public static readonly ScalarType Uuid = new UuidType();
    public static readonly ScalarType DateTime = new DateTimeType();
    public static readonly ScalarType Date = new DateType();
    public static readonly ScalarType LocalTime = new LocalTimeType();
    public static readonly ScalarType Decimal = new DecimalType();
    public static readonly ScalarType Long = new LongType();
}

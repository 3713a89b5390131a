using Fever.GraphQL.Language;
using Fever.GraphQL.Types;

namespace Fever.GraphQL.Introspection;

/// <summary>
/// The introspection system of spec §4: <c>__Schema</c>, <c>__Type</c> and friends, resolved over the schema's own
/// type objects, plus the meta-fields <c>__schema</c>, <c>__type(name:)</c> and <c>__typename</c>.
/// </summary>
public sealed class IntrospectionTypes
{
    private static readonly InputValue IncludeDeprecated = new("includeDeprecated", BuiltInScalars.Boolean, null, new BooleanValueNode(false, default));

    public static readonly FieldDefinition TypeNameField = new("__typename", BuiltInScalars.String.NonNull(),
        context => new ValueTask<object?>(context.ParentType.Name), "The name of the current Object type at runtime.");

    public IntrospectionTypes(Schema schema)
    {
        var typeKind = new EnumType("__TypeKind", "An enum describing what kind of type a given `__Type` is.",
            Enum.GetValues<TypeKind>().Select(kind => new EnumValue(Naming.ScreamingCase(kind.ToString()), kind)));
        var directiveLocation = new EnumType("__DirectiveLocation",
            "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.",
            DirectiveLocations.All.Select(location => new EnumValue(location, location)));

        var type = new ObjectType("__Type",
            "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");
        var field = new ObjectType("__Field", "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");
        var inputValue = new ObjectType("__InputValue", "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");
        var enumValue = new ObjectType("__EnumValue", "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string or numeric value. However an Enum value is returned in a JSON response as a string.");
        var directive = new ObjectType("__Directive", "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");
        var schemaType = new ObjectType("__Schema", "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");

        var typeList = type.NonNull().List().NonNull();
        var text = BuiltInScalars.String;

        schemaType
            .Field<Schema>("description", text, s => s.Description)
            .Field<Schema>("types", typeList, s => s.Types, "A list of all types supported by this server.")
            .Field<Schema>("queryType", type.NonNull(), s => s.Query, "The type that query operations will be rooted at.")
            .Field<Schema>("mutationType", type, s => s.Mutation, "If this server supports mutation, the type that mutation operations will be rooted at.")
            .Field<Schema>("subscriptionType", type, _ => null, "If this server support subscription, the type that subscription operations will be rooted at.")
            .Field<Schema>("directives", directive.NonNull().List().NonNull(), s => s.Directives, "A list of all directives supported by this server.");

        type
            .Field<GraphQLType>("kind", typeKind.NonNull(), t => t.Kind)
            .Field<GraphQLType>("name", text, t => (t as NamedType)?.Name)
            .Field<GraphQLType>("description", text, t => (t as NamedType)?.Description)
            .Field<GraphQLType>("specifiedByURL", text, t => (t as ScalarType)?.SpecifiedByUrl)
            .Field(new FieldDefinition("fields", field.NonNull().List(),
                context => new ValueTask<object?>(context.Parent is ObjectType objectType
                    ? objectType.Fields.Where(f => f.DeprecationReason is null || context.Argument<bool>("includeDeprecated")).ToList()
                    : null),
                arguments: [IncludeDeprecated]))
            .Field<GraphQLType>("interfaces", type.NonNull().List(), t => t is ObjectType ? Array.Empty<GraphQLType>() : null)
            .Field<GraphQLType>("possibleTypes", type.NonNull().List(), _ => null)
            .Field(new FieldDefinition("enumValues", enumValue.NonNull().List(),
                context => new ValueTask<object?>(context.Parent is EnumType enumType
                    ? enumType.Values.Where(v => v.DeprecationReason is null || context.Argument<bool>("includeDeprecated")).ToList()
                    : null),
                arguments: [IncludeDeprecated]))
            .Field(new FieldDefinition("inputFields", inputValue.NonNull().List(),
                context => new ValueTask<object?>((context.Parent as InputObjectType)?.Fields.ToList()),
                arguments: [IncludeDeprecated]))
            .Field<GraphQLType>("ofType", type, t => t switch { ListType list => list.OfType, NonNullType nonNull => nonNull.OfType, _ => null })
            .Field<GraphQLType>("isOneOf", BuiltInScalars.Boolean, t => t is InputObjectType ? false : null);

        field
            .Field<FieldDefinition>("name", text.NonNull(), f => f.Name)
            .Field<FieldDefinition>("description", text, f => f.Description)
            .Field(new FieldDefinition("args", inputValue.NonNull().List().NonNull(),
                context => new ValueTask<object?>(((FieldDefinition)context.Parent!).Arguments), arguments: [IncludeDeprecated]))
            .Field<FieldDefinition>("type", type.NonNull(), f => f.Type)
            .Field<FieldDefinition>("isDeprecated", BuiltInScalars.Boolean.NonNull(), f => f.DeprecationReason is not null)
            .Field<FieldDefinition>("deprecationReason", text, f => f.DeprecationReason);

        inputValue
            .Field<InputValue>("name", text.NonNull(), v => v.Name)
            .Field<InputValue>("description", text, v => v.Description)
            .Field<InputValue>("type", type.NonNull(), v => v.Type)
            .Field<InputValue>("defaultValue", text, v => v.DefaultValue?.ToString(),
                "A GraphQL-formatted string representing the default value for this input value.")
            .Field<InputValue>("isDeprecated", BuiltInScalars.Boolean.NonNull(), _ => false)
            .Field<InputValue>("deprecationReason", text, _ => null);

        enumValue
            .Field<EnumValue>("name", text.NonNull(), v => v.Name)
            .Field<EnumValue>("description", text, v => v.Description)
            .Field<EnumValue>("isDeprecated", BuiltInScalars.Boolean.NonNull(), v => v.DeprecationReason is not null)
            .Field<EnumValue>("deprecationReason", text, v => v.DeprecationReason);

        directive
            .Field<DirectiveDefinition>("name", text.NonNull(), d => d.Name)
            .Field<DirectiveDefinition>("description", text, d => d.Description)
            .Field<DirectiveDefinition>("isRepeatable", BuiltInScalars.Boolean.NonNull(), d => d.IsRepeatable)
            .Field<DirectiveDefinition>("locations", directiveLocation.NonNull().List().NonNull(), d => d.Locations)
            .Field(new FieldDefinition("args", inputValue.NonNull().List().NonNull(),
                context => new ValueTask<object?>(((DirectiveDefinition)context.Parent!).Arguments), arguments: [IncludeDeprecated]));

        All = [schemaType, type, typeKind, field, inputValue, enumValue, directive, directiveLocation];
        SchemaField = new FieldDefinition("__schema", schemaType.NonNull(), _ => new ValueTask<object?>(schema),
            "Access the current type schema of this server.");
        TypeField = new FieldDefinition("__type", type,
            context => new ValueTask<object?>(schema.FindType(context.Argument<string>("name")!)),
            "Request the type information of a single type.",
            [new InputValue("name", text.NonNull())]);
    }

    public IReadOnlyList<NamedType> All { get; }
    public FieldDefinition SchemaField { get; }
    public FieldDefinition TypeField { get; }
}

namespace Fever.GraphQL.Language;

/// <summary>
/// A recursive-descent parser of executable GraphQL documents (spec §2). Type-system definitions are
/// recognised and kept as <see cref="TypeSystemDefinition"/> so that validation, not the parser, refuses them.
/// </summary>
public sealed class Parser
{
    /// <summary>Deepest nesting of selection sets, lists, objects and list types: keeps hostile documents off the stack.</summary>
    public const int MaxNesting = 64;

    private readonly Lexer _lexer;
    private Token _token;
    private int _nesting;

    private Parser(string source, int maxTokens)
    {
        _lexer = new Lexer(source, maxTokens);
        _token = _lexer.Next();
    }

    public static Document Parse(string source, int maxTokens = int.MaxValue) => new Parser(source, maxTokens).ParseDocument();

    /// <summary>Parses a single value (e.g. a default value), as graphql-js <c>parseValue</c>.</summary>
    public static ValueNode ParseValue(string source)
    {
        var parser = new Parser(source, int.MaxValue);
        var value = parser.Value(isConstant: false);
        parser.Expect(TokenKind.EndOfFile);
        return value;
    }

    private Document ParseDocument()
    {
        var definitions = new List<Definition>();
        do
        {
            definitions.Add(Definition());
        }
        while (_token.Kind != TokenKind.EndOfFile);
        return new Document(definitions);
    }

    private Definition Definition()
    {
        if (Peek(TokenKind.LeftBrace))
            return Operation();
        var hasDescription = _token.Kind is TokenKind.String or TokenKind.BlockString;
        var keyword = hasDescription ? PeekAfterDescription() : _token;
        if (keyword.Kind == TokenKind.Name)
        {
            switch (keyword.Value)
            {
                case "query" or "mutation" or "subscription" when !hasDescription:
                    return Operation();
                case "fragment" when !hasDescription:
                    return Fragment();
                case "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive":
                    return SkipTypeSystemDefinition(keyword.Value!);
                case "extend" when !hasDescription:
                    return SkipTypeSystemDefinition("extend");
            }
        }
        throw Unexpected(hasDescription ? keyword : _token);
    }

    private Token PeekAfterDescription()
    {
        Advance();
        return _token;
    }

    /// <summary>
    /// Reads past a type-system definition: its header tokens, then a balanced body if any. Only the shape needed to
    /// find its end is checked; validation reports it as not executable.
    /// </summary>
    private TypeSystemDefinition SkipTypeSystemDefinition(string kind)
    {
        var location = _token.Location;
        Advance();
        var depth = 0;
        while (_token.Kind != TokenKind.EndOfFile)
        {
            if (_token.Kind is TokenKind.LeftBrace or TokenKind.LeftParen or TokenKind.LeftBracket)
                depth++;
            else if (_token.Kind is TokenKind.RightBrace or TokenKind.RightParen or TokenKind.RightBracket)
            {
                if (--depth < 0)
                    throw Unexpected(_token);
                if (depth == 0 && _token.Kind == TokenKind.RightBrace)
                {
                    Advance();
                    break;
                }
            }
            else if (depth == 0 && _token.Kind == TokenKind.Name && IsDefinitionKeyword(_token.Value!))
                break;
            Advance();
        }
        if (depth > 0)
            throw Unexpected(_token);
        return new TypeSystemDefinition(kind, location);
    }

    private static bool IsDefinitionKeyword(string name) => name is "query" or "mutation" or "subscription" or "fragment"
        or "schema" or "scalar" or "type" or "interface" or "union" or "enum" or "input" or "directive" or "extend";

    private OperationDefinition Operation()
    {
        var location = _token.Location;
        if (Peek(TokenKind.LeftBrace))
            return new OperationDefinition(OperationType.Query, null, [], [], SelectionSet(), location);
        var operation = ExpectName() switch
        {
            "query" => OperationType.Query,
            "mutation" => OperationType.Mutation,
            _ => OperationType.Subscription,
        };
        string? name = Peek(TokenKind.Name) ? ExpectName() : null;
        return new OperationDefinition(operation, name, VariableDefinitions(), Directives(isConstant: false), SelectionSet(), location);
    }

    private List<VariableDefinition> VariableDefinitions()
    {
        var definitions = new List<VariableDefinition>();
        if (!Skip(TokenKind.LeftParen))
            return definitions;
        do
        {
            var location = _token.Location;
            Expect(TokenKind.Dollar);
            var name = ExpectName();
            Expect(TokenKind.Colon);
            var type = Type();
            var defaultValue = Skip(TokenKind.Equals) ? Value(isConstant: true) : null;
            definitions.Add(new VariableDefinition(name, type, defaultValue, Directives(isConstant: true), location));
        }
        while (!Skip(TokenKind.RightParen));
        return definitions;
    }

    private TypeNode Type()
    {
        var location = _token.Location;
        TypeNode type;
        if (Skip(TokenKind.LeftBracket))
        {
            Enter(location);
            var item = Type();
            Expect(TokenKind.RightBracket);
            _nesting--;
            type = new ListTypeNode(item, location);
        }
        else
            type = NamedType();
        return Skip(TokenKind.Bang) ? new NonNullTypeNode(type, location) : type;
    }

    private NamedTypeNode NamedType()
    {
        var location = _token.Location;
        return new NamedTypeNode(ExpectName(), location);
    }

    private SelectionSet SelectionSet()
    {
        var location = _token.Location;
        Expect(TokenKind.LeftBrace);
        Enter(location);
        var selections = new List<Selection>();
        do
        {
            selections.Add(Selection());
        }
        while (!Skip(TokenKind.RightBrace));
        _nesting--;
        return new SelectionSet(selections, location);
    }

    private void Enter(Location location)
    {
        if (++_nesting > MaxNesting)
            throw new GraphQLSyntaxException($"The document nests more than {MaxNesting} levels deep.", location, ErrorCodes.MaxDepthExceeded);
    }

    private Selection Selection()
    {
        var location = _token.Location;
        if (Skip(TokenKind.Spread))
        {
            if (Peek(TokenKind.Name) && _token.Value != "on")
                return new FragmentSpread(ExpectName(), Directives(isConstant: false), location);
            NamedTypeNode? typeCondition = null;
            if (Peek(TokenKind.Name))
            {
                Advance();
                typeCondition = NamedType();
            }
            return new InlineFragment(typeCondition, Directives(isConstant: false), SelectionSet(), location);
        }

        var nameOrAlias = ExpectName();
        string? alias = null;
        var name = nameOrAlias;
        if (Skip(TokenKind.Colon))
        {
            alias = nameOrAlias;
            name = ExpectName();
        }
        var arguments = Arguments(isConstant: false);
        var directives = Directives(isConstant: false);
        var selectionSet = Peek(TokenKind.LeftBrace) ? SelectionSet() : null;
        return new FieldSelection(alias, name, arguments, directives, selectionSet, location);
    }

    private FragmentDefinition Fragment()
    {
        var location = _token.Location;
        Advance();
        if (_token is { Kind: TokenKind.Name, Value: "on" })
            throw Unexpected(_token);
        var name = ExpectName();
        if (_token is not { Kind: TokenKind.Name, Value: "on" })
            throw new GraphQLSyntaxException($"Syntax Error: Expected \"on\", found {_token.Describe()}.", _token.Location);
        Advance();
        return new FragmentDefinition(name, NamedType(), Directives(isConstant: false), SelectionSet(), location);
    }

    private List<Argument> Arguments(bool isConstant)
    {
        var arguments = new List<Argument>();
        if (!Skip(TokenKind.LeftParen))
            return arguments;
        do
        {
            var location = _token.Location;
            var name = ExpectName();
            Expect(TokenKind.Colon);
            arguments.Add(new Argument(name, Value(isConstant), location));
        }
        while (!Skip(TokenKind.RightParen));
        return arguments;
    }

    private List<Directive> Directives(bool isConstant)
    {
        var directives = new List<Directive>();
        while (Peek(TokenKind.At))
        {
            var location = _token.Location;
            Advance();
            directives.Add(new Directive(ExpectName(), Arguments(isConstant), location));
        }
        return directives;
    }

    private ValueNode Value(bool isConstant)
    {
        var token = _token;
        var location = token.Location;
        switch (token.Kind)
        {
            case TokenKind.LeftBracket:
                Advance();
                Enter(location);
                var items = new List<ValueNode>();
                while (!Skip(TokenKind.RightBracket))
                    items.Add(Value(isConstant));
                _nesting--;
                return new ListValueNode(items, location);
            case TokenKind.LeftBrace:
                Advance();
                Enter(location);
                var fields = new List<ObjectFieldNode>();
                while (!Skip(TokenKind.RightBrace))
                {
                    var fieldLocation = _token.Location;
                    var name = ExpectName();
                    Expect(TokenKind.Colon);
                    fields.Add(new ObjectFieldNode(name, Value(isConstant), fieldLocation));
                }
                _nesting--;
                return new ObjectValueNode(fields, location);
            case TokenKind.Int:
                Advance();
                return new IntValueNode(token.Value!, location);
            case TokenKind.Float:
                Advance();
                return new FloatValueNode(token.Value!, location);
            case TokenKind.String or TokenKind.BlockString:
                Advance();
                return new StringValueNode(token.Value!, location);
            case TokenKind.Name:
                Advance();
                return token.Value switch
                {
                    "true" => new BooleanValueNode(true, location),
                    "false" => new BooleanValueNode(false, location),
                    "null" => new NullValueNode(location),
                    _ => new EnumValueNode(token.Value!, location),
                };
            case TokenKind.Dollar when !isConstant:
                Advance();
                return new VariableNode(ExpectName(), location);
            case TokenKind.Dollar:
                Advance();
                throw new GraphQLSyntaxException(
                    Peek(TokenKind.Name) ? $"Syntax Error: Unexpected variable \"${_token.Value}\" in constant value." : $"Syntax Error: Unexpected {_token.Describe()}.",
                    location);
            default:
                throw Unexpected(token);
        }
    }

    private bool Peek(TokenKind kind) => _token.Kind == kind;

    private void Advance() => _token = _lexer.Next();

    private bool Skip(TokenKind kind)
    {
        if (_token.Kind != kind)
            return false;
        Advance();
        return true;
    }

    private void Expect(TokenKind kind)
    {
        if (!Skip(kind))
            throw new GraphQLSyntaxException($"Syntax Error: Expected \"{Token.Punctuator(kind)}\", found {_token.Describe()}.", _token.Location);
    }

    private string ExpectName()
    {
        var token = _token;
        if (token.Kind != TokenKind.Name)
            throw new GraphQLSyntaxException($"Syntax Error: Expected Name, found {token.Describe()}.", token.Location);
        Advance();
        return token.Value!;
    }

    private static GraphQLSyntaxException Unexpected(Token token) =>
        new($"Syntax Error: Unexpected {token.Describe()}.", token.Location);
}

namespace Fever.GraphQL;

/// <summary>The <c>extensions.code</c> of every error the engine reports.</summary>
public static class ErrorCodes
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";
    public const string ExecutionTimeout = "EXECUTION_TIMEOUT";
    public const string InvalidVariables = "BAD_USER_INPUT";
    public const string OperationNotFound = "OPERATION_RESOLUTION_FAILURE";
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidArgument = "INVALID_ARGUMENT";
    public const string InternalError = "INTERNAL_SERVER_ERROR";
    public const string NonNullViolation = "NON_NULL_VIOLATION";
}

namespace Fever.Api.Http;

/// <summary>An error as the API reports it: a status, a machine-readable code and a message a person can act on.</summary>
public sealed record ApiError(int StatusCode, string Code, string Message)
{
    public static ApiError BadRequest(string code, string message) => new(StatusCodes.Status400BadRequest, code, message);
}

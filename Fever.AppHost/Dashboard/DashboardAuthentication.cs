using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Fever.AppHost.Dashboard;

/// <summary>
/// Aspire's browser-token mode: with a token configured, <c>/login?t=TOKEN</c> sets a session cookie and every
/// other dashboard request needs it. Without one, the dashboard is on loopback and open to this machine.
/// </summary>
internal static class DashboardAuthentication
{
    private const string CookieName = "fever.dashboard";
    private static readonly string Session = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static IApplicationBuilder UseBrowserToken(this IApplicationBuilder app, string? browserToken)
    {
        if (string.IsNullOrEmpty(browserToken))
            return app;
        return app.Use(async (context, next) =>
        {
            if (context.Request.Path == "/login")
            {
                if (!Matches(context.Request.Query["t"].ToString(), browserToken))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    await context.Response.WriteAsync("The login link's token is wrong: use the link the AppHost printed.");
                    return;
                }
                context.Response.Cookies.Append(CookieName, Session, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
                context.Response.Redirect("/");
                return;
            }
            if (!Matches(context.Request.Cookies[CookieName] ?? "", Session))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("Log in first: open the login link the AppHost printed (/login?t=…).");
                return;
            }
            await next(context);
        });
    }

    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}

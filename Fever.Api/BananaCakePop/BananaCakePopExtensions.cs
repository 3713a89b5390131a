namespace Fever.Api.BananaCakePop;

public static class BananaCakePopExtensions
{
    /// <summary>
    /// Banana Cake Pop on <c>/graphql</c> (see <see cref="BananaCakePopMiddleware"/>), configured by the section
    /// <c>BananaCakePop</c>. Fails at start-up if enabled and its files are not beside the assembly.
    /// </summary>
    public static WebApplication UseBananaCakePop(this WebApplication app)
    {
        var options = app.Configuration.GetSection(BananaCakePopOptions.SectionName).Get<BananaCakePopOptions>() ?? new BananaCakePopOptions();
        if (options.Enabled)
            app.UseMiddleware<BananaCakePopMiddleware>(new BananaCakePopFiles(BananaCakePopFiles.DefaultDirectory), options);
        return app;
    }
}

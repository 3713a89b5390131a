using Microsoft.Extensions.Options;

namespace Fever.ProviderSimulator;

public static class ProviderSimulatorExtensions
{
    /// <summary>The simulated feed, with the options of the <c>Simulator</c> section, validated on start.</summary>
    public static IHostApplicationBuilder AddProviderSimulator(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProviderSimulatorOptions>().BindConfiguration(ProviderSimulatorOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ProviderSimulatorOptions>, ProviderSimulatorOptionsValidator>();
        builder.Services.AddSingleton(services => new SimulatedFeed(services.GetRequiredService<IOptions<ProviderSimulatorOptions>>().Value));
        return builder;
    }
}

using Microsoft.Extensions.Options;

namespace Fever.ProviderSimulator;

/// <summary>Refuses options that have <see cref="ProviderSimulatorOptions.Problems"/>, naming every one.</summary>
sealed class ProviderSimulatorOptionsValidator : IValidateOptions<ProviderSimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, ProviderSimulatorOptions options) =>
        options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}

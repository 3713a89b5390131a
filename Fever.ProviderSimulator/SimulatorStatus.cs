namespace Fever.ProviderSimulator;

/// <summary>Counters of a running simulator, as served by <c>GET /simulator/status</c>.</summary>
/// <param name="Mode"><c>samples</c> or <c>generated</c>.</param>
public sealed record SimulatorStatus(int Calls, int Failures, int SamplesServed, string Mode);

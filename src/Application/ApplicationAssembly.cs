namespace Overholt.Application;

/// <summary>Marks the Application assembly for scanning (validators, mapping profiles, Mediator handlers).</summary>
public sealed class ApplicationAssembly;

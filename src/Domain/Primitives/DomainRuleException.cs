namespace Overholt.Domain.Primitives;

/// <summary>A business rule was broken; the message is meant for the client (for example "Manager exists").</summary>
public sealed class DomainRuleException(string message) : Exception(message);

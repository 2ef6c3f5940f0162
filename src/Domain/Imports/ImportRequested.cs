using Overholt.Domain.Primitives;

namespace Overholt.Domain.Imports;

/// <summary>An import was uploaded to run in the background.</summary>
public sealed record ImportRequested(Guid ImportId) : IDomainEvent;

namespace Overholt.Application.Errors;

/// <summary>A conditional change was based on a version that is no longer current: someone changed the resource since.</summary>
public sealed class PreconditionFailedException(string resource, int id)
    : Exception($"{resource} {id} has changed since you read it. Read it again and re-apply your change.");

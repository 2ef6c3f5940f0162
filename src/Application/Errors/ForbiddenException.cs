namespace Overholt.Application.Errors;

/// <summary>The signed-in user may not do what the request asks.</summary>
public sealed class ForbiddenException(string message) : Exception(message);

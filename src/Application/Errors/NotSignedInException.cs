namespace Overholt.Application.Errors;

/// <summary>The request needs a signed-in, active user and there is none.</summary>
public sealed class NotSignedInException() : Exception("Sign in to do this");

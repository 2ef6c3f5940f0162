namespace Overholt.Application.Errors;

/// <summary>The change would break a uniqueness rule (a duplicate email or category name).</summary>
public sealed class ConflictException(string message) : Exception(message);

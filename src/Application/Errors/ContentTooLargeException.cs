namespace Overholt.Application.Errors;

/// <summary>What was sent is larger than the app takes (an import file over its limit).</summary>
public sealed class ContentTooLargeException(string message) : Exception(message);

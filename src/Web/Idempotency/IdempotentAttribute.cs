namespace Overholt.Web.Idempotency;

/// <summary>
/// Marks an API <c>POST</c> that creates something as honouring <c>Idempotency-Key</c> (<see cref="IdempotencyMiddleware"/>):
/// a retry with the same key gets the first answer instead of a second creation.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IdempotentAttribute : Attribute;

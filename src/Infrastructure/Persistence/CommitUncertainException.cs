namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// The database failed while committing: whether the change was saved is unknown, so it is never run again (it could
/// be saved twice). The client is told to try again later, as for any transient failure.
/// </summary>
public sealed class CommitUncertainException(Exception inner)
    : Exception("The database failed while committing the change.", inner);

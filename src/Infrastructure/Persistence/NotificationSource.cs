namespace Overholt.Infrastructure.Persistence;

/// <summary>
/// A notification channel and the triggers that notify it: their names (an SQL list), how many there are, and the
/// <c>pg_trigger.tgenabled</c> states (an SQL list) in which each counts as firing for the writes that matter.
/// </summary>
internal sealed record NotificationSource(string Channel, string TriggerNames, int TriggerCount, string FiringStates)
{
    /// <summary>How many of the triggers exist in a firing state: <see cref="TriggerCount"/> when all is well.</summary>
    public string CountFiringTriggersSql => $"SELECT count(*) FROM pg_trigger WHERE tgname IN ({TriggerNames}) AND tgenabled IN ({FiringStates})";

    public bool AllFiring(object? count) => count is long found && found >= TriggerCount;

    public InvalidOperationException NotFiring() =>
        new($"The triggers that notify {Channel} ({TriggerNames}) are missing or not enabled as they must be ({FiringStates}): apply the migrations, or see docs/deployment.md");
}

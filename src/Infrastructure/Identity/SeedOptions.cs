namespace Overholt.Infrastructure.Identity;

/// <summary>The <c>Seed</c> configuration section: an admin to create at start-up when no such user exists.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public string? AdminEmail { get; set; }

    public string? AdminPassword { get; set; }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Overholt.Infrastructure.Identity;

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.HasKey(failure => new { failure.Name, failure.Client });
        builder.Property(failure => failure.Name).HasMaxLength(256);
        builder.Property(failure => failure.Client).HasMaxLength(64);
        // The purge of stale rows looks them up by age.
        builder.HasIndex(failure => failure.LastFailureAt);
    }
}

using Microsoft.AspNetCore.Identity;

namespace Overholt.Infrastructure.Identity;

public sealed class ApplicationRole : IdentityRole<int>
{
    public ApplicationRole()
    {
    }

    public ApplicationRole(string name)
        : base(name)
    {
    }
}

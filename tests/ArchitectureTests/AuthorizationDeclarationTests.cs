using Mediator;
using Overholt.Application;
using Overholt.Application.Security;

namespace Overholt.ArchitectureTests;

/// <summary>Deny by default: every command and query says who may send it, exactly once.</summary>
public sealed class AuthorizationDeclarationTests
{
    private static readonly Type[] Declarations = [typeof(AllowSignedInUsersAttribute), typeof(RequiresRoleAttribute), typeof(RequiresStoreManagerAttribute)];

    [Fact]
    public void Every_command_and_query_declares_who_may_send_it()
    {
        var messages = typeof(ApplicationAssembly).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && (typeof(IBaseCommand).IsAssignableFrom(type) || typeof(IBaseQuery).IsAssignableFrom(type)))
            .ToList();

        Assert.NotEmpty(messages);
        var undeclared = messages.Where(type => Declarations.Count(declaration => type.IsDefined(declaration, inherit: false)) != 1).Select(type => type.Name);
        Assert.Empty(undeclared);
    }
}

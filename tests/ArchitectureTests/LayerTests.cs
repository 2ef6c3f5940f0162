using System.Reflection;
using NetArchTest.Rules;
using Overholt.Application;
using Overholt.Domain.Stores;
using Overholt.Infrastructure.Persistence;

namespace Overholt.ArchitectureTests;

/// <summary>Web → Application → Domain; Infrastructure → Application → Domain. These fail the build when a layer reaches the wrong way.</summary>
public sealed class LayerTests
{
    private static readonly Assembly Domain = typeof(Store).Assembly;
    private static readonly Assembly Application = typeof(ApplicationAssembly).Assembly;
    private static readonly Assembly Infrastructure = typeof(OverholtDbContext).Assembly;
    private static readonly Assembly Web = typeof(Program).Assembly;

    [Fact]
    public void The_domain_depends_on_nothing_else()
    {
        AssertNoDependency(Domain, "Overholt.Application", "Overholt.Infrastructure", "Overholt.Web", "Microsoft", "Mediator", "AutoMapper", "FluentValidation", "Ardalis");
        Assert.Equal(["System.Runtime"], Domain.GetReferencedAssemblies().Select(reference => reference.Name).Where(name => name != "System.Collections" && name != "System.Linq"));
    }

    [Fact]
    public void The_application_does_not_know_infrastructure_web_or_ef() =>
        AssertNoDependency(Application, "Overholt.Infrastructure", "Overholt.Web", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore");

    [Fact]
    public void Infrastructure_does_not_know_the_web_host() =>
        AssertNoDependency(Infrastructure, "Overholt.Web");

    [Fact]
    public void Controllers_never_touch_the_database() =>
        AssertResult(Types.InAssembly(Web).That().ResideInNamespace("Overholt.Web.Api")
            .ShouldNot().HaveDependencyOnAny("Overholt.Infrastructure", "Microsoft.EntityFrameworkCore", "Overholt.Application.Persistence")
            .GetResult());

    [Fact]
    public void Handlers_never_touch_http() =>
        AssertResult(Types.InAssembly(Application).That().HaveNameEndingWith("Handler")
            .ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "System.Net.Http")
            .GetResult());

    [Fact]
    public void No_dumping_ground_names() =>
        AssertResult(Types.InAssemblies([Domain, Application, Infrastructure, Web])
            .ShouldNot().HaveNameMatching("(Helpers?|Utils|Utilities)$")
            .GetResult());

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden) =>
        AssertResult(Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult());

    /// <summary>Fails naming each offending type with what it depends on, where the library says.</summary>
    private static void AssertResult(NetArchTest.Rules.TestResult result) =>
        Assert.True(result.IsSuccessful, "Offending types: " + string.Join("; ", result.FailingTypes.Select(type => type.Explanation is { Length: > 0 } why ? $"{type.FullName} ({why})" : type.FullName)));
}

using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Overholt.Application.Security;
using Overholt.Web.Security;

namespace Overholt.ArchitectureTests;

/// <summary>
/// A role rule is written once, on the message (<see cref="RequiresRoleAttribute"/>); endpoints read it with
/// <see cref="AuthorizeToSendAttribute{TMessage}"/>. So no endpoint names a role itself, and every action that sends a
/// role-restricted message is refused at the endpoint by the same rule the pipeline applies.
/// </summary>
public sealed class EndpointRoleTests
{
    /// <summary>
    /// Actions open to every signed-in user that choose what to send by the caller's role (a store's page asks for the
    /// users who could manage it only when the caller may add managers).
    /// </summary>
    private static readonly string[] ChooseByRole = ["UsersController.Current", "UsersController.Get", "StorePagesController.Details"];

    private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    private static IEnumerable<Type> Controllers => typeof(Program).Assembly.GetTypes()
        .Where(type => typeof(ControllerBase).IsAssignableFrom(type) && !type.IsAbstract);

    private static IEnumerable<MethodInfo> Actions => Controllers.SelectMany(controller =>
        controller.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(method => !method.IsSpecialName));

    [Fact]
    public void No_endpoint_names_a_role_itself()
    {
        var named = Controllers.Cast<MemberInfo>().Concat(Actions)
            .Where(member => member.GetCustomAttributes<AuthorizeAttribute>(inherit: true).Any(authorize => authorize.Roles is not null && !IsAuthorizeToSend(authorize)))
            .Select(Name);

        Assert.Empty(named);
    }

    [Fact]
    public void Every_action_that_sends_a_role_restricted_message_is_refused_at_the_endpoint_by_the_same_rule()
    {
        var checkedActions = 0;
        var mismatches = new List<string>();
        foreach (var action in Actions.Where(action => !ChooseByRole.Contains(Name(action))))
        {
            var restricted = MessagesConstructedBy(action)
                .Select(message => message.GetCustomAttribute<RequiresRoleAttribute>()?.Role)
                .OfType<string>()
                .Distinct()
                .ToList();
            if (restricted.Count == 0)
                continue;
            checkedActions++;
            var endpointRoles = action.GetCustomAttributes<AuthorizeAttribute>().Where(IsAuthorizeToSend).Select(authorize => authorize.Roles).ToList();
            if (!restricted.All(role => endpointRoles.Contains(role)))
                mismatches.Add($"{Name(action)} sends a message for role {string.Join(", ", restricted)} but its endpoint requires {string.Join(", ", endpointRoles.Select(role => role ?? "no role"))}");
        }

        Assert.True(checkedActions > 10, $"only {checkedActions} actions were found sending role-restricted messages: the scan is broken");
        Assert.Empty(mismatches);
    }

    private static bool IsAuthorizeToSend(AuthorizeAttribute authorize) =>
        authorize.GetType().IsGenericType && authorize.GetType().GetGenericTypeDefinition() == typeof(AuthorizeToSendAttribute<>);

    private static string Name(MemberInfo member) => member is Type type ? type.Name : $"{member.DeclaringType!.Name}.{member.Name}";

    /// <summary>
    /// The message types an action constructs: in its own body, its async state machine, and the lambdas the compiler
    /// made from it (named after it, in the controller or a nested closure class). Overloads of one name share lambdas.
    /// </summary>
    private static IEnumerable<Type> MessagesConstructedBy(MethodInfo action)
    {
        var controller = action.DeclaringType!;
        var bodies = new List<MethodBase> { action };
        if (action.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic) is { } moveNext)
            bodies.Add(moveNext);
        bodies.AddRange(new[] { controller }.Concat(controller.GetNestedTypes(BindingFlags.NonPublic))
            .SelectMany(type => type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.Name.StartsWith($"<{action.Name}>", StringComparison.Ordinal)));
        return bodies.SelectMany(ConstructedTypes).Where(type => typeof(IMessage).IsAssignableFrom(type)).Distinct();
    }

    /// <summary>The types whose constructors a method's IL calls with <c>newobj</c>.</summary>
    private static IEnumerable<Type> ConstructedTypes(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        for (var position = 0; position < il.Length;)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            var code = OpCodesByValue[value];
            position += code.Size;
            if (code == OpCodes.Newobj && method.Module.ResolveMethod(BitConverter.ToInt32(il, position)) is { DeclaringType: { } constructed })
                yield return constructed;
            position += OperandSize(code.OperandType, il, position);
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int position) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };
}

using Overholt.Application.History;

namespace Overholt.Web.Management;

/// <summary>Every change a management command saves is the operator's: the command host runs no jobs and serves no requests.</summary>
internal sealed class OperatorChangeActor : IChangeActor
{
    public ChangeActor Current => ChangeActor.Operator;
}

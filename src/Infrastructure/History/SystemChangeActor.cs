using Overholt.Application.History;

namespace Overholt.Infrastructure.History;

/// <summary>The actor where the host names none (a test of the persistence alone): the system.</summary>
internal sealed class SystemChangeActor : IChangeActor
{
    public ChangeActor Current => ChangeActor.System;
}

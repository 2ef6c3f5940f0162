using Overholt.Web.Hosting;
using Overholt.Web.Management;

if (ManagementCommands.IsCommand(args))
    return await ManagementCommands.RunAsync(args, OperatorConsole.System);

var app = OverholtHost.CreateBuilder(HostEntry.Server, new WebApplicationOptions { Args = args }).Build();
await app.Services.InitializeDatabaseAsync();
app.UseOverholt();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point; public so the test harness can start it.</summary>
public partial class Program;

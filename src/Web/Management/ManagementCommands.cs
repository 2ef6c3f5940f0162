using System.CommandLine;
using FluentValidation;
using Overholt.Application;
using Overholt.Application.Errors;
using Overholt.Application.Persistence;
using Overholt.Application.Users;
using Overholt.Application.Users.Commands.CreateUser;
using Overholt.Application.Users.Queries.ListUsers;
using Overholt.Domain.Users;
using Overholt.Infrastructure;
using Overholt.Infrastructure.Jobs;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Errors;
using Overholt.Web.Hosting;

namespace Overholt.Web.Management;

/// <summary>
/// The operator's commands, the original's <c>manage.py</c> grown up: <c>users …</c> and <c>db …</c>, run by the web
/// app's own executable with the server's configuration (appsettings, the instance file, environment). A first
/// argument that is not an option is a command; with none the app serves.
/// </summary>
public static class ManagementCommands
{
    public static bool IsCommand(string[] args) => args is [var first, ..] && !first.StartsWith('-');

    /// <summary>Runs the command in <paramref name="args"/> and returns the process's exit code; unknown commands print usage and return 1.</summary>
    public static async Task<int> RunAsync(string[] args, OperatorConsole console, Action<IConfigurationBuilder>? configure = null)
    {
        var services = new Lazy<IServiceProvider>(() => BuildServices(configure));
        var root = new RootCommand("Overholt: with no command, runs the web app. Commands manage users and the database.")
        {
            Users(services, console),
            Database(services, console),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    private static Command Users(Lazy<IServiceProvider> services, OperatorConsole console)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var admin = new Option<bool>("--admin") { Description = "Give the new user the admin role" };
        var create = new Command("create", "Create a user. The password is the first line of standard input, or asked for twice on a terminal.") { email, admin };
        create.SetAction((parse, cancellationToken) => RunAsync(services, console, async scope =>
        {
            var password = console.ReadNewPassword();
            var address = parse.GetValue(email)!.Trim();
            var validation = await scope.GetRequiredService<IValidator<CreateUser>>().ValidateAsync(new CreateUser(address, password), cancellationToken);
            if (!validation.IsValid)
                return Fail(console, string.Join(Environment.NewLine, validation.Errors.Select(error => error.ErrorMessage)));

            var accounts = scope.GetRequiredService<IUserAccounts>();
            var id = await scope.GetRequiredService<IUnitOfWork>().ExecuteAsync(
                async token =>
                {
                    var created = await accounts.CreateAsync(address, password!, token);
                    if (parse.GetValue(admin))
                        await accounts.SetInRoleAsync(created, Roles.Admin, inRole: true, token);
                    return created;
                },
                cancellationToken);
            console.Out.WriteLine($"Created user {id}, {address}{(parse.GetValue(admin) ? ", admin" : string.Empty)}.");
            return 0;
        }));

        var list = new Command("list", "List every user: id, email, roles, active, last login.");
        list.SetAction((_, cancellationToken) => RunAsync(services, console, async scope =>
        {
            var directory = scope.GetRequiredService<IUserDirectory>();
            console.Out.WriteLine($"{"ID",-6} {"EMAIL",-40} {"ROLES",-12} {"ACTIVE",-6} LAST LOGIN");
            for (var page = 1; ; page++)
            {
                var users = await directory.ListAsync(search: null, new ListUsers(page, 200), cancellationToken);
                foreach (var user in users.Items)
                    console.Out.WriteLine($"{user.Id,-6} {user.Email,-40} {string.Join(',', user.Roles ?? []),-12} {(user.Active == true ? "yes" : "no"),-6} {user.LastLoginAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}");
                if (page * users.PageSize >= users.Total)
                    return 0;
            }
        }));

        return new Command("users", "Manage user accounts.")
        {
            create,
            list,
            AccountCommand("delete", "Delete a user: it no longer manages any store, and its sessions and tokens stop working.", services, console, (accounts, id, token) => accounts.DeleteAsync(id, token), "deleted"),
            AccountCommand("deactivate", "Stop a user from signing in; its sessions and tokens stop working.", services, console, (accounts, id, token) => accounts.SetActiveAsync(id, active: false, token), "deactivated"),
            AccountCommand("activate", "Let a deactivated user sign in again.", services, console, (accounts, id, token) => accounts.SetActiveAsync(id, active: true, token), "activated"),
            AccountCommand("grant-admin", "Give a user the admin role.", services, console, (accounts, id, token) => accounts.SetInRoleAsync(id, Roles.Admin, inRole: true, token), "is now an admin"),
            AccountCommand("revoke-admin", "Take the admin role from a user; its existing tokens stop working.", services, console, (accounts, id, token) => accounts.SetInRoleAsync(id, Roles.Admin, inRole: false, token), "is no longer an admin"),
        };
    }

    /// <summary>A command that finds a user by email and changes the account.</summary>
    private static Command AccountCommand(string name, string description, Lazy<IServiceProvider> services, OperatorConsole console, Func<IUserAccounts, int, CancellationToken, Task> change, string done)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var command = new Command(name, description) { email };
        command.SetAction((parse, cancellationToken) => RunAsync(services, console, async scope =>
        {
            var address = parse.GetValue(email)!;
            if (await scope.GetRequiredService<IUserDirectory>().FindByEmailAsync(address, cancellationToken) is not { } user)
                return Fail(console, $"No user has the email {address}.");
            await scope.GetRequiredService<IUnitOfWork>().ExecuteAsync(
                async token =>
                {
                    await change(scope.GetRequiredService<IUserAccounts>(), user.Id, token);
                    return 0;
                },
                cancellationToken);
            console.Out.WriteLine($"{user.Email} {done}.");
            return 0;
        }));
        return command;
    }

    private static Command Database(Lazy<IServiceProvider> services, OperatorConsole console)
    {
        var migrate = new Command("migrate", "Apply pending migrations and exit: the deployment step when Database:MigrateOnStartup is false.");
        migrate.SetAction((_, cancellationToken) => RunAsync(services, console, async scope =>
        {
            var applied = await scope.GetRequiredService<DatabaseInitializer>().MigrateAsync(cancellationToken);
            console.Out.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return 0;
        }));

        var sample = new Option<bool>("--sample") { Description = "Add a small sample dataset (categories, products, stores with products and a manager)" };
        var seed = new Command("seed", "Add data. Running it again adds nothing twice.") { sample };
        seed.SetAction((parse, cancellationToken) => RunAsync(services, console, async scope =>
        {
            if (!parse.GetValue(sample))
                return Fail(console, "Say what to add: db seed --sample.");
            foreach (var line in await scope.GetRequiredService<SampleData>().SeedAsync(cancellationToken))
                console.Out.WriteLine(line);
            return 0;
        }));

        return new Command("db", "Manage the database.") { migrate, seed };
    }

    /// <summary>Runs an action in a service scope; the app's error types become a message and exit code 1.</summary>
    private static async Task<int> RunAsync(Lazy<IServiceProvider> services, OperatorConsole console, Func<IServiceProvider, Task<int>> action)
    {
        await using var scope = services.Value.CreateAsyncScope();
        try
        {
            return await action(scope.ServiceProvider);
        }
        catch (ConflictException conflict)
        {
            return Fail(console, conflict.Message);
        }
        catch (RequestValidationException invalid)
        {
            return Fail(console, string.Join(Environment.NewLine, FieldNaming.Rename(invalid, FieldNaming.Label).SelectMany(error => error.Value)));
        }
        catch (Overholt.Domain.Primitives.DomainRuleException rule)
        {
            return Fail(console, rule.Message);
        }
    }

    private static int Fail(OperatorConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>The server's configuration and the services the commands use; no web server.</summary>
    private static IServiceProvider BuildServices(Action<IConfigurationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInstanceSettings(builder.Environment);
        configure?.Invoke(builder.Configuration);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        // db migrate on a database that does not exist yet: EF logs the first failed connection, then creates it.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration);
        builder.Services.AddBackgroundJobs(builder.Configuration, runWorker: false); // as the web role: jobs are only enqueued
        builder.Services.AddOverholtIdentity();
        return builder.Build().Services;
    }
}

using System.CommandLine;
using System.Globalization;
using Mediator;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Overholt.Application.History.Commands.PurgeHistory;
using Overholt.Application.Imports;
using Overholt.Application.Imports.Commands.StartImport;
using Overholt.Application.Imports.Queries.GetImport;
using Overholt.Application.Users;
using Overholt.Application.Users.Commands.CreateUser;
using Overholt.Application.Users.Commands.DeleteUser;
using Overholt.Application.Users.Commands.ResetPassword;
using Overholt.Application.Users.Commands.SetAdmin;
using Overholt.Application.Users.Commands.SetUserActive;
using Overholt.Application.Users.Commands.UnlockUser;
using Overholt.Application.Users.Queries.FindUserByEmail;
using Overholt.Application.Users.Queries.ListUsers;
using Overholt.Domain.Imports;
using Overholt.Infrastructure.Persistence;
using Overholt.Web.Errors;
using Overholt.Web.Hosting;
using Overholt.Web.Imports;

namespace Overholt.Web.Management;

/// <summary>
/// The operator's commands, the original's <c>manage.py</c> grown up: <c>users …</c>, <c>db …</c> and <c>history …</c>, run by the web
/// app's own executable, built by <see cref="OverholtHost"/> as the server is. The user commands are thin adapters,
/// like controllers: they send the same commands and queries through the whole pipeline, as the local operator.
/// </summary>
public static class ManagementCommands
{
    /// <summary>
    /// A first argument that is a plain word names a command; with none, or an option or setting first
    /// (<c>--role worker</c>, <c>/Role worker</c>, <c>Role=worker</c>), the app serves.
    /// </summary>
    public static bool IsCommand(string[] args) =>
        args is [{ Length: > 0 } first, ..] && !first.StartsWith('-') && !first.StartsWith('/') && !first.Contains('=', StringComparison.Ordinal);

    /// <summary>Runs the command in <paramref name="args"/> as the process would and returns its exit code.</summary>
    public static Task<int> RunAsync(string[] args, OperatorConsole console) => RunAsync(args, console, new WebApplicationOptions());

    /// <summary>
    /// Runs the command in <paramref name="args"/> on a host built with <paramref name="host"/> (environment, content
    /// root) and <paramref name="configure"/> (settings over the app's own); unknown commands print usage and return 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, OperatorConsole console, WebApplicationOptions host, Action<IConfigurationBuilder>? configure = null)
    {
        await using var app = new OperatorHost(host, configure);
        var root = new RootCommand("Overholt: with no command, runs the web app. Commands manage users, the database and the change history, and import CSV files.")
        {
            Users(app, console),
            Database(app, console),
            History(app, console),
            Import(app, console),
        };
        return await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }

    private static Command Users(OperatorHost app, OperatorConsole console)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var admin = new Option<bool>("--admin") { Description = "Give the new user the admin role" };
        var create = new Command("create", "Create a user. The password is the first line of standard input, or asked for twice on a terminal.") { email, admin };
        create.SetAction((parse, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            var address = parse.GetValue(email)!;
            var isAdmin = parse.GetValue(admin);
            var id = await services.GetRequiredService<IMediator>().Send(new CreateUser(address, console.ReadNewPassword(), isAdmin), token);
            console.Out.WriteLine($"Created user {id}, {address.Trim()}{(isAdmin ? ", admin" : string.Empty)}.");
            return 0;
        }, cancellationToken));

        var list = new Command("list", "List every user: id, email, roles, active, last login.");
        list.SetAction((_, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            console.Out.WriteLine($"{"ID",-6} {"EMAIL",-40} {"ROLES",-12} {"ACTIVE",-6} LAST LOGIN");
            for (var page = 1; ; page++)
            {
                var users = await mediator.Send(new ListUsers(page, Application.Paging.IPagedRequest.MaxPageSize), token);
                foreach (var user in users.Items)
                    console.Out.WriteLine($"{user.Id,-6} {user.Email,-40} {string.Join(',', user.Roles),-12} {(user.Active ? "yes" : "no"),-6} {user.LastLoginAt?.ToString("u", CultureInfo.InvariantCulture) ?? "never"}");
                if (page * users.PageSize >= users.Total)
                    return 0;
            }
        }, cancellationToken));

        return new Command("users", "Manage user accounts.")
        {
            create,
            list,
            AccountCommand("delete", "Delete a user: it no longer manages any store, and its sessions and tokens stop working.", app, console, id => new DeleteUser(id), "deleted"),
            AccountCommand("deactivate", "Stop a user from signing in; its sessions and tokens stop working.", app, console, id => new SetUserActive(id, Active: false), "deactivated"),
            AccountCommand("activate", "Let a deactivated user sign in again.", app, console, id => new SetUserActive(id, Active: true), "activated"),
            AccountCommand("set-password", "Set a user's password: the first line of standard input, or asked for twice on a terminal. Its sessions and tokens stop working.", app, console, id => new ResetPassword(id, console.ReadNewPassword()), "has a new password"),
            AccountCommand("unlock", "Lift every sign-in lockout on a user, from every address.", app, console, id => new UnlockUser(id), "is unlocked"),
            AccountCommand("grant-admin", "Give a user the admin role.", app, console, id => new SetAdmin(id, IsAdmin: true), "is now an admin"),
            AccountCommand("revoke-admin", "Take the admin role from a user; its existing tokens stop working.", app, console, id => new SetAdmin(id, IsAdmin: false), "is no longer an admin"),
        };
    }

    /// <summary>A command that finds a user by email and sends <paramref name="change"/> for it.</summary>
    private static Command AccountCommand(string name, string description, OperatorHost app, OperatorConsole console, Func<int, ICommand<Unit>> change, string done)
    {
        var email = new Argument<string>("email") { Description = "The user's email address" };
        var command = new Command(name, description) { email };
        command.SetAction((parse, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            var mediator = services.GetRequiredService<IMediator>();
            UserSummaryDto user = await mediator.Send(new FindUserByEmail(parse.GetValue(email)), token);
            await mediator.Send(change(user.Id), token);
            console.Out.WriteLine($"{user.Email} {done}.");
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command Database(OperatorHost app, OperatorConsole console)
    {
        var migrate = new Command("migrate", "Apply pending migrations and exit: the deployment step when Database:MigrateOnStartup is false.");
        migrate.SetAction((_, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            var applied = await services.GetRequiredService<DatabaseInitializer>().MigrateAsync(token);
            console.Out.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return 0;
        }, cancellationToken, initializeDatabase: false));

        var sample = new Option<bool>("--sample") { Description = "Add a sample dataset (categories, products, stores with products and managers)" };
        var size = new Option<string>("--size")
        {
            Description = "small (a few of each, to look around) or large (100,000 products, 5,000 stores, 300 users: a real back office's size)",
            DefaultValueFactory = _ => "small",
        };
        size.AcceptOnlyFromAmong("small", "large");
        var seed = new Command("seed", "Add data. Running it again adds nothing twice.") { sample, size };
        seed.SetAction((parse, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            if (!parse.GetValue(sample))
                return Fail(console, "Say what to add: db seed --sample [--size small|large].");
            var added = parse.GetValue(size) == "large"
                ? await services.GetRequiredService<LargeSampleData>().SeedAsync(token)
                : await services.GetRequiredService<SampleData>().SeedAsync(token);
            foreach (var line in added)
                console.Out.WriteLine(line);
            return 0;
        }, cancellationToken));

        return new Command("db", "Manage the database.") { migrate, seed };
    }

    private static Command History(OperatorHost app, OperatorConsole console)
    {
        var before = new Option<string>("--before") { Description = "Delete what was recorded before this date (yyyy-MM-dd, UTC) or time (ISO 8601)", Required = true };
        var purge = new Command("purge", "Delete the change history recorded before a date and say how many entries went.") { before };
        purge.SetAction((parse, cancellationToken) => app.RunAsync(console, async (services, token) =>
        {
            if (!DateTimeOffset.TryParse(parse.GetValue(before), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
                return Fail(console, "--before must be a date (yyyy-MM-dd) or a time (ISO 8601).");
            var deleted = await services.GetRequiredService<IMediator>().Send(new PurgeHistory(date), token);
            console.Out.WriteLine($"Deleted {deleted} history entries recorded before {date.ToString("u", CultureInfo.InvariantCulture)}.");
            return 0;
        }, cancellationToken));

        return new Command("history", "Manage the change history.") { purge };
    }

    /// <summary>
    /// <c>import products FILE</c> and <c>import stores FILE</c>: the same import the page and the API start, run here
    /// and now through the same code, its progress printed as it goes. Exit code 0 when every row was written, 1 when
    /// any row was refused or the file could not be imported.
    /// </summary>
    private static Command Import(OperatorHost app, OperatorConsole console)
    {
        var import = new Command("import", "Import products or stores from a CSV file (UTF-8, with a header row), as the Import page does.");
        foreach (var kind in ImportTerms.Kinds)
        {
            var file = new Argument<FileInfo>("file") { Description = "The CSV file" };
            var mode = new Option<string>("--mode") { Description = "all_or_nothing: one refused row and nothing is written; valid_rows: write the rows that pass", DefaultValueFactory = _ => ImportTerms.AllOrNothing };
            mode.AcceptOnlyFromAmong([.. ImportTerms.Modes]);
            var command = new Command(kind, kind == ImportTerms.Products
                ? "Import products: columns name, categories (names separated by |)."
                : "Import stores: columns name, address, city, state, zip_code, and optionally products (names) and managers (emails), separated by |.") { file, mode };
            var unknownCategories = new Option<string>("--unknown-categories") { Description = "refuse a row naming a category that does not exist, or create the category", DefaultValueFactory = _ => ImportTerms.Refuse };
            unknownCategories.AcceptOnlyFromAmong([.. ImportTerms.UnknownCategoryChoices]);
            if (kind == ImportTerms.Products)
                command.Add(unknownCategories);
            command.SetAction((parse, cancellationToken) => app.RunAsync(console, async (services, token) =>
            {
                var path = parse.GetValue(file)!;
                if (!path.Exists)
                    return Fail(console, $"No such file: {path.FullName}");
                if (path.Length > ImportLimits.MaxFileBytes)
                    return Fail(console, ImportUploadLimits.TooLarge);
                var mediator = services.GetRequiredService<IMediator>();
                var id = await mediator.Send(new StartImport(kind, path.Name, await File.ReadAllBytesAsync(path.FullName, token), parse.GetValue(unknownCategories), parse.GetValue(mode), InBackground: false), token);
                console.Out.WriteLine($"Import {id} of {path.Name}");
                await services.GetRequiredService<CatalogueImport>().RunAsync(id, new ConsoleProgress(console.Out), token);
                var result = await mediator.Send(new GetImport(id), token);
                console.Out.WriteLine(result.Message);
                foreach (var row in result.RefusedRows)
                    console.Out.WriteLine($"  line {row.Line}, {row.Field}: {row.Message}");
                if (result.RefusedRows.Count < result.Refused)
                    console.Out.WriteLine($"  (the first {result.RefusedRows.Count} problems; every refused row: GET /api/imports/{id}/refused)");
                return result.Status == ImportTerms.Succeeded && result.Refused == 0 ? 0 : 1;
            }, cancellationToken));
            import.Add(command);
        }

        return import;
    }

    /// <summary>Progress written as it is reported, on the calling thread (<see cref="Progress{T}"/> would post it elsewhere, out of order).</summary>
    private sealed class ConsoleProgress(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }

    private static int Fail(OperatorConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>
    /// The app as a command runs it: built by <see cref="OverholtHost"/> at the first command that needs it (usage
    /// errors need none), never started (no server, no jobs), logging only warnings and errors.
    /// </summary>
    private sealed class OperatorHost(WebApplicationOptions options, Action<IConfigurationBuilder>? configure) : IAsyncDisposable
    {
        private WebApplication? _app;

        /// <summary>
        /// Runs <paramref name="action"/> in a service scope, after bringing the database up to date as the server does
        /// at start-up. The app's client errors (validation, conflicts, rules) become their message and exit code 1.
        /// </summary>
        public async Task<int> RunAsync(OperatorConsole console, Func<IServiceProvider, CancellationToken, Task<int>> action, CancellationToken cancellationToken, bool initializeDatabase = true)
        {
            var services = Build().Services;
            try
            {
                if (initializeDatabase)
                    await services.InitializeDatabaseAsync(cancellationToken);
                await using var scope = services.CreateAsyncScope();
                return await action(scope.ServiceProvider, cancellationToken);
            }
            catch (Exception exception) when (ProblemExceptionHandler.IsClientError(exception))
            {
                var problem = ProblemExceptionHandler.Describe(exception, FieldNaming.Label);
                var messages = problem.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> byField
                    ? byField.Values.SelectMany(field => field)
                    : [problem.Extensions.TryGetValue("error", out var error) && error is string message ? message : problem.Detail ?? problem.Title ?? string.Empty];
                return Fail(console, string.Join(Environment.NewLine, messages));
            }
        }

        private WebApplication Build()
        {
            if (_app is not null)
                return _app;
            var builder = OverholtHost.CreateBuilder(HostEntry.Command, options, configure);
            builder.Logging.AddFilter(level => level >= LogLevel.Warning);
            // db migrate on a database that does not exist yet: EF logs the first failed connection, then creates it.
            builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None);
            _app = builder.Build();
            // The host is never started, so telemetry (when configured) is switched on here; disposing flushes it.
            _ = _app.Services.GetService<TracerProvider>();
            _ = _app.Services.GetService<MeterProvider>();
            return _app;
        }

        public async ValueTask DisposeAsync()
        {
            if (_app is not null)
                await _app.DisposeAsync();
        }
    }
}

using Overholt.Testing;

// One PostgreSQL server and one app for the run; tests share them one at a time (xunit.runner.json), each from an empty database.
[assembly: AssemblyFixture(typeof(PostgresApp))]

using Overholt.Testing;

[assembly: AssemblyFixture(typeof(PostgresApp))]

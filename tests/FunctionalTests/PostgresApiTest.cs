using Overholt.Testing;

namespace Overholt.FunctionalTests;

/// <summary>A functional test against the app on PostgreSQL.</summary>
public abstract class PostgresApiTest(PostgresApp postgres) : ApiTest(postgres.App);

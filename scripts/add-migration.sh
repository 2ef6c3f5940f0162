#!/usr/bin/env bash
# Adds an EF Core migration for both providers: scripts/add-migration.sh AddStoreOpeningHours
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$name" \
    --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${provider}OverholtDbContext" \
    --output-dir "Persistence/Migrations/$provider"
done
rm -f src/Infrastructure/design-time.db

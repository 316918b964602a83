#!/usr/bin/env bash
# Adds an EF Core migration of the catalog named NAME for both providers at once: SQLite
# (src/Refinery.Catalog.Migrations.Sqlite) and PostgreSQL (src/Refinery.Catalog.Migrations.PostgreSql), from the
# current CatalogContext model. Run it after changing the model; commit the generated files as they are.
#
#   scripts/add-migration.sh AddWorkerHeartbeats
#
# It refuses a name already taken and a model with no change to migrate, and leaves both projects untouched when
# either provider fails.
set -euo pipefail
cd "$(dirname "$0")/.."

name=${1:-}
if [[ ! $name =~ ^[A-Z][A-Za-z0-9]*$ ]]; then
  echo "usage: scripts/add-migration.sh NAME   (NAME in PascalCase, e.g. AddWorkerHeartbeats)" >&2
  exit 2
fi

providers=(Sqlite PostgreSql)
project() { echo "src/Refinery.Catalog.Migrations.$1"; }

for provider in "${providers[@]}"; do
  if compgen -G "$(project "$provider")/Migrations/*_${name}.cs" > /dev/null; then
    echo "A migration named $name already exists in $(project "$provider")." >&2
    exit 1
  fi
done

dotnet tool restore > /dev/null
for provider in "${providers[@]}"; do
  dotnet build "$(project "$provider")" --verbosity quiet -nologo
done

ef() { dotnet dotnet-ef "$@" --project "$(project "$provider")" --startup-project "$(project "$provider")" --no-build; }

changed=0
for provider in "${providers[@]}"; do
  if ! ef migrations has-pending-model-changes > /dev/null 2>&1; then
    changed=1
  fi
done
if [[ $changed == 0 ]]; then
  echo "The catalog model has no change that the existing migrations do not cover: nothing to add." >&2
  exit 1
fi

# Both providers or neither: on any failure put both Migrations folders back as they were.
backup=$(mktemp -d)
for provider in "${providers[@]}"; do
  mkdir -p "$backup/$provider"
  if [[ -d $(project "$provider")/Migrations ]]; then
    cp -a "$(project "$provider")/Migrations" "$backup/$provider/"
  fi
done
restore() {
  for provider in "${providers[@]}"; do
    rm -rf "$(project "$provider")/Migrations"
    if [[ -d $backup/$provider/Migrations ]]; then
      cp -a "$backup/$provider/Migrations" "$(project "$provider")/"
    fi
  done
  echo "Adding $name failed; both migration projects are as they were." >&2
}
trap 'restore; rm -rf "$backup"' ERR

for provider in "${providers[@]}"; do
  ef migrations add "$name" --output-dir Migrations
done

trap - ERR
rm -rf "$backup"
echo "Added migration $name for SQLite and PostgreSQL:"
git status --short -- "$(project Sqlite)/Migrations" "$(project PostgreSql)/Migrations"

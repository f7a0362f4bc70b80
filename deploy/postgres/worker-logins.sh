#!/usr/bin/env bash
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d): one
# login per worker, each a member of its least-privilege role. The roles themselves (NOLOGIN) and
# their grants on the tables come from the migrations (20261128004000_worker_roles.ts); they are
# created here first so the logins can be members before the set-up job migrates. The passwords
# come from the environment (the env file, see .env.example).
set -euo pipefail

for worker in ingester classifier alerting api; do
  var="$(echo "$worker" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:?$var is required (see .env.example)}"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v role="ceasefire_$worker" -v login="$worker" -v password="$password" <<'SQL'
select format('create role %I nologin', :'role') where not exists (select from pg_roles where rolname = :'role') \gexec
select format('create role %I login password %L in role %I', :'login', :'password', :'role') where not exists (select from pg_roles where rolname = :'login') \gexec
SQL
done

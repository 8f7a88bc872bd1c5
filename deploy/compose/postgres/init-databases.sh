#!/bin/bash
# One database per service, each owned by its own role, so a service can reach only its own data.
# Runs once, when the data volume is empty (the postgres image's /docker-entrypoint-initdb.d).
set -euo pipefail
for db in ${PULSE_DATABASES}; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres <<-SQL
	CREATE ROLE ${db} LOGIN PASSWORD '${PULSE_DB_PASSWORD}';
	CREATE DATABASE ${db} OWNER ${db};
	REVOKE ALL ON DATABASE ${db} FROM PUBLIC;
SQL
done

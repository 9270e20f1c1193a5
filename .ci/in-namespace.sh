#!/usr/bin/env bash
# Runs inside `unshare -n`: a fresh network stack with only loopback and one veth pair, so
# every byte the tests send stays on addresses this run created.
set -euo pipefail
pg_version=$1
pg_cluster=$2

ip link set lo up
ip link add v0 type veth peer name v1
ip addr add 10.77.0.1/24 dev v0
ip addr add 10.77.0.2/24 dev v1
ip link set v0 up
ip link set v1 up
ip route add default via 10.77.0.2

pg_ctlcluster "$pg_version" "$pg_cluster" start
trap 'pg_ctlcluster "$pg_version" "$pg_cluster" stop || true' EXIT
su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\""
export DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/postgres

# First, so that `npm test`'s closing line is the last summary line of the run.
for version in 24 26; do bash .ci/node-version.sh check "$version"; done

npm test

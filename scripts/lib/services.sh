# shellcheck shell=bash
#
# The test services: a PostgreSQL primary with a streaming replica, and Redis, each on a free loopback port, in
# one folder of their own. Sourced by scripts/test (one run) and scripts/services (day-to-day development); safe
# under `set -euo pipefail`. Public functions, in the order a caller uses them:
#
#   ns_services_require          installs what is missing (root, apt-get) or says how to (not root, exit 1)
#   ns_services_new_dir          creates the folder for the services and prints it
#   ns_services_start DIR        starts everything in DIR and exports NORTHSTAR_TEST_*
#   ns_services_env_lines DIR    prints the export lines of the services in DIR
#   ns_services_stop DIR         stops what runs in DIR and removes it (safe twice, and after a partial start)
#
# Data lives in a folder of /tmp (mktemp -d), not in the repository nor $TMPDIR: when root, the servers run as the
# postgres user, which must reach the folder (a clone under /root is closed to it), and a short path keeps the
# unix socket path under its 107-byte limit.

NS_CHROMIUM=/usr/bin/chromium
NS_START_TIMEOUT=60

ns_log() { printf '%s\n' "services: $*" >&2; }

ns_fail() {
  ns_log "error: $*"
  return 1
}

# The newest PostgreSQL (15 or later) server bin folder holding everything we run, or nothing.
ns_pg_bin_dir() {
  local dir version best='' best_version=0
  for dir in /usr/lib/postgresql/*/bin; do
    version=${dir#/usr/lib/postgresql/}
    version=${version%/bin}
    [[ $version =~ ^[0-9]+$ ]] || continue
    ((version >= 15 && version > best_version)) || continue
    [[ -x $dir/initdb && -x $dir/pg_ctl && -x $dir/pg_basebackup && -x $dir/postgres ]] || continue
    best=$dir
    best_version=$version
  done
  printf '%s' "$best"
}

# The Debian packages that provide what is missing, space-separated (empty when nothing is).
ns_missing_packages() {
  local missing=()
  [[ -n $(ns_pg_bin_dir) ]] || missing+=(postgresql)
  command -v psql >/dev/null && command -v pg_isready >/dev/null || missing+=(postgresql-client)
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || missing+=(redis-server)
  [[ -x $NS_CHROMIUM ]] || missing+=(chromium)
  printf '%s' "${missing[*]}"
}

ns_services_require() {
  local missing log
  missing=$(ns_missing_packages)
  [[ -n $missing ]] || return 0
  if ((EUID != 0)); then
    ns_fail "missing packages: $missing. Install them with:
  sudo apt-get update && sudo apt-get install -y --no-install-recommends $missing"
    return 1
  fi
  log=$(mktemp)
  ns_log "installing $missing: apt-get update"
  if ! DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    ns_fail "apt-get update failed"
    return 1
  fi
  ns_log "installing $missing: apt-get install"
  # shellcheck disable=SC2086 # one word per package
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    ns_fail "apt-get install $missing failed"
    return 1
  fi
  rm -f "$log"
  missing=$(ns_missing_packages)
  [[ -z $missing ]] || ns_fail "still missing after apt-get install: $missing"
}

# Prints COUNT distinct free loopback ports, one per line. All are held open at once in one process, so no port
# is handed out twice.
ns_free_ports() {
  node -e '
    const net = require("net");
    const count = Number(process.argv[1]);
    const servers = Array.from({ length: count }, () => net.createServer());
    Promise.all(servers.map(s => new Promise((resolve, reject) => {
      s.once("error", reject);
      s.listen(0, "127.0.0.1", () => resolve(s.address().port));
    }))).then(ports => {
      servers.forEach(s => s.close());
      console.log(ports.join("\n"));
    }, error => { console.error(error.message); process.exit(1); });
  ' "$1"
}

# Runs a PostgreSQL server program as the postgres user when root (PostgreSQL refuses to run as root), else as
# ourselves; from the data folder, which the postgres user can read, unlike the caller's working directory maybe.
ns_as_pg() {
  if ((EUID == 0)); then
    (cd "$NS_SERVICES_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$NS_SERVICES_DIR" && "$@")
  fi
}

ns_log_tail() {
  [[ -f $1 ]] || return 0
  ns_log "last lines of $1:"
  tail -n 30 "$1" >&2
}

ns_psql() {
  local port=$1
  shift
  PGCONNECT_TIMEOUT=5 psql -X -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
}

# Waits until COMMAND... succeeds, at most NS_START_TIMEOUT seconds.
ns_wait_until() {
  local deadline=$((SECONDS + NS_START_TIMEOUT))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

ns_pg_ready() { pg_isready -q -h 127.0.0.1 -p "$1" -t 1; }

ns_pg_streaming() { [[ $(ns_psql "$1" -c "select count(*) from pg_stat_replication where state = 'streaming'") -ge 1 ]]; }

ns_redis_ready() { [[ $(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null) == PONG ]]; }

ns_start_primary() {
  local dir=$NS_SERVICES_DIR
  ns_log "PostgreSQL primary on 127.0.0.1:$NS_PG_PORT"
  # The collation is C, as DuckDB's, so both engines sort text alike; C.UTF-8 keeps character classes right.
  if ! ns_as_pg "$NS_PG_BIN/initdb" -D "$dir/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --lc-collate=C \
    >"$dir/initdb.log" 2>&1; then
    ns_log_tail "$dir/initdb.log"
    ns_fail "initdb failed"
    return 1
  fi
  # Durability is traded for speed: these clusters live as long as one test run.
  cat >>"$dir/primary/postgresql.conf" <<EOF

# Northstar test services
listen_addresses = '127.0.0.1'
port = $NS_PG_PORT
unix_socket_directories = '$dir'
wal_level = replica
max_wal_senders = 10
hot_standby = on
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
EOF
  printf '%s\n' 'host replication all 127.0.0.1/32 trust' >>"$dir/primary/pg_hba.conf"
  if ! ns_as_pg "$NS_PG_BIN/pg_ctl" -D "$dir/primary" -l "$dir/primary.log" -w -t "$NS_START_TIMEOUT" start >/dev/null ||
    ! ns_wait_until ns_pg_ready "$NS_PG_PORT"; then
    ns_log_tail "$dir/primary.log"
    ns_fail "the PostgreSQL primary did not start"
    return 1
  fi
}

ns_start_replica() {
  local dir=$NS_SERVICES_DIR
  ns_log "PostgreSQL replica on 127.0.0.1:$NS_PG_REPLICA_PORT"
  # A replication slot keeps the WAL the replica has not received yet, however far a bulk load puts it behind.
  if ! ns_as_pg "$NS_PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$NS_PG_PORT" -U postgres -D "$dir/replica" -R -X stream \
    --create-slot --slot=northstar_replica --checkpoint=fast >"$dir/basebackup.log" 2>&1; then
    ns_log_tail "$dir/basebackup.log"
    ns_fail "pg_basebackup from the primary failed"
    return 1
  fi
  # The configuration is the primary's, copied by pg_basebackup; a later line wins.
  printf 'port = %s\n' "$NS_PG_REPLICA_PORT" >>"$dir/replica/postgresql.conf"
  if ! ns_as_pg "$NS_PG_BIN/pg_ctl" -D "$dir/replica" -l "$dir/replica.log" -w -t "$NS_START_TIMEOUT" start >/dev/null ||
    ! ns_wait_until ns_pg_ready "$NS_PG_REPLICA_PORT" ||
    ! ns_wait_until ns_pg_streaming "$NS_PG_PORT"; then
    ns_log_tail "$dir/replica.log"
    ns_fail "the PostgreSQL replica did not start streaming from the primary"
    return 1
  fi
}

ns_start_redis() {
  local dir=$NS_SERVICES_DIR
  ns_log "Redis on 127.0.0.1:$NS_REDIS_PORT"
  mkdir -p "$dir/redis"
  if ! redis-server --bind 127.0.0.1 --port "$NS_REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --pidfile "$dir/redis.pid" --dir "$dir/redis" --logfile "$dir/redis.log" >/dev/null ||
    ! ns_wait_until ns_redis_ready "$NS_REDIS_PORT"; then
    ns_log_tail "$dir/redis.log"
    ns_fail "Redis did not start"
    return 1
  fi
}

# Creates the folder for the services and prints its path. A caller keeps the path before starting anything in
# it, so that its cleanup also stops a start that failed or was interrupted half-way.
ns_services_new_dir() {
  local dir
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    ns_fail "there is no postgres user to run PostgreSQL as (PostgreSQL refuses to run as root)"
    return 1
  fi
  dir=$(mktemp -d /tmp/northstar-services.XXXXXX)
  ((EUID != 0)) || chown postgres: "$dir"
  printf '%s\n' "$dir"
}

# Starts the services in DIR (from ns_services_new_dir), writes DIR/state, and exports the NORTHSTAR_TEST_*
# variables.
ns_services_start() {
  local ports
  NS_SERVICES_DIR=$1
  NS_PG_BIN=$(ns_pg_bin_dir)
  [[ -n $NS_PG_BIN ]] || ns_fail "no PostgreSQL 15+ server under /usr/lib/postgresql/*/bin" || return 1
  ports=$(ns_free_ports 3) || ns_fail "could not pick free ports" || return 1
  { read -r NS_PG_PORT && read -r NS_PG_REPLICA_PORT && read -r NS_REDIS_PORT; } <<<"$ports"
  printf 'NS_PG_BIN=%q\nNS_PG_PORT=%s\nNS_PG_REPLICA_PORT=%s\nNS_REDIS_PORT=%s\n' \
    "$NS_PG_BIN" "$NS_PG_PORT" "$NS_PG_REPLICA_PORT" "$NS_REDIS_PORT" >"$NS_SERVICES_DIR/state"

  ns_start_primary || return 1
  ns_start_replica || return 1
  ns_start_redis || return 1

  eval "$(ns_services_env_lines "$NS_SERVICES_DIR")"
}

# Reads DIR/state into NS_PG_BIN, NS_PG_PORT, NS_PG_REPLICA_PORT and NS_REDIS_PORT.
ns_services_load() {
  [[ -f $1/state ]] || return 1
  # shellcheck source=/dev/null # written by ns_services_start
  source "$1/state"
}

ns_services_env_lines() {
  ns_services_load "$1" || ns_fail "no services state in $1" || return 1
  cat <<EOF
export NORTHSTAR_TEST_PG='Host=127.0.0.1;Port=$NS_PG_PORT;Username=postgres;Database=postgres'
export NORTHSTAR_TEST_PG_REPLICA='Host=127.0.0.1;Port=$NS_PG_REPLICA_PORT;Username=postgres;Database=postgres'
export NORTHSTAR_TEST_PG_BIN='$NS_PG_BIN'
export NORTHSTAR_TEST_REDIS='127.0.0.1:$NS_REDIS_PORT'
export NORTHSTAR_TEST_CHROMIUM='$NS_CHROMIUM'
EOF
}

# One line per service of DIR: its name, address and whether it answers. Returns 1 when any does not.
ns_services_status() {
  local dir=$1 ok=0
  ns_services_load "$dir" || ns_fail "no services state in $dir" || return 1
  ns_status_line "postgres primary" "$NS_PG_PORT" ns_pg_ready "$NS_PG_PORT" || ok=1
  ns_status_line "postgres replica" "$NS_PG_REPLICA_PORT" ns_pg_ready "$NS_PG_REPLICA_PORT" || ok=1
  ns_status_line "redis" "$NS_REDIS_PORT" ns_redis_ready "$NS_REDIS_PORT" || ok=1
  return "$ok"
}

ns_status_line() {
  local name=$1 port=$2
  shift 2
  if "$@"; then
    printf '%-17s 127.0.0.1:%-6s running\n' "$name" "$port"
  else
    printf '%-17s 127.0.0.1:%-6s not running\n' "$name" "$port"
    return 1
  fi
}

ns_stop_pg() {
  local data=$1
  [[ -f $data/postmaster.pid ]] || return 0
  ns_as_pg "$NS_PG_BIN/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 ||
    ns_as_pg "$NS_PG_BIN/pg_ctl" -D "$data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
    ns_log "could not stop the PostgreSQL server of $data"
}

ns_stop_redis() {
  local pidfile=$NS_SERVICES_DIR/redis.pid pid deadline
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] || return 0
  kill "$pid" 2>/dev/null || return 0
  deadline=$((SECONDS + 30))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
}

ns_services_stop() {
  NS_SERVICES_DIR=${1:-}
  [[ -n $NS_SERVICES_DIR && -d $NS_SERVICES_DIR ]] || return 0
  if ns_services_load "$NS_SERVICES_DIR"; then
    ns_stop_pg "$NS_SERVICES_DIR/replica"
    ns_stop_pg "$NS_SERVICES_DIR/primary"
    ns_stop_redis
  fi
  rm -rf "$NS_SERVICES_DIR"
}

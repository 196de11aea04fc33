# Shared by run.sh and test.sh: find or install PostgreSQL, and start a private cluster.
# Source it; it defines functions only.

pg_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else pg_log "need root to run: $*"; return 1
  fi
}

# Prints the bin folder of the newest installed PostgreSQL server; installs Debian's when none is.
pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
    pg_log "PostgreSQL server binaries not found: installing Debian's postgresql package"
    as_root apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql >&2
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  fi
  [ -x "$dir/initdb" ] || { pg_log "could not find or install PostgreSQL"; return 1; }
  echo "$dir"
}

# Prints the first free TCP port on 127.0.0.1 from $1 upwards.
pg_free_port() {
  local p
  for p in $(seq "$1" $(( $1 + 200 ))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  return 1
}

# Runs a server binary as the cluster's owner: initdb and postgres refuse to run as root,
# so root hands them to the `postgres` account the Debian package creates.
pg_as_owner() {
  # From /: the postgres account may not be able to enter the caller's working directory.
  if [ "$(id -u)" -eq 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

# pg_start DATA_DIR PORT [extra server options]: initdb once, then start (reusing an existing cluster).
pg_start() {
  local data=$1 port=$2; shift 2
  local bin; bin=$(pg_bindir) || return 1
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || as_root useradd --system --home-dir /var/lib/postgresql postgres
    chown postgres:postgres "$data"
  fi
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null \
      || { pg_log "initdb failed for $data"; return 1; }
  fi
  if pg_as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    pg_as_owner "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1 || true
  fi
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data $*" start >/dev/null \
    || { pg_log "PostgreSQL did not start; see $data/server.log"; tail -n 20 "$data/server.log" >&2; return 1; }
}

pg_stop() {
  local data=$1 mode=${2:-fast}
  local bin; bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && pg_as_owner "$bin/pg_ctl" -D "$data" -m "$mode" stop >/dev/null 2>&1 || true
}

# True when the postgres account can reach DIR (a cluster under /root cannot work when run as root).
pg_dir_usable() {
  [ "$(id -u)" -ne 0 ] && return 0
  local parent; parent=$(dirname "$1")
  mkdir -p "$parent"
  runuser -u postgres -- test -x "$parent" 2>/dev/null
}

# shellcheck shell=bash
# The CQ_* names come from STATE_DIR/state.env (cq_state_set / cq_state_load), which shellcheck cannot see.
# shellcheck disable=SC2153
# Starts and stops the real servers the distributed-mode tests talk to: RabbitMQ (with its management
# plugin) and PostgreSQL, each on free loopback ports with every file in one folder, so a run never
# touches a system-wide server or another run's. Sourced by scripts/test.sh and scripts/services.sh.
#
# Everything a start creates is recorded in STATE_DIR/state.env as it happens, so a stop after a
# half-finished start still finds and ends exactly what was started, and nothing else.

CQ_RABBITMQ_SBIN=/usr/lib/rabbitmq/bin
CQ_LOOPBACK=127.0.0.1

cq_log() { printf '==> %s\n' "$*" >&2; }
cq_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- ports -----------------------------------------------------------------------------------------

# Every port with a TCP socket on it (any state, any address), read from the kernel; no ss/netstat needed.
cq_ports_in_use() {
    local file _ local_address _rest
    for file in /proc/net/tcp /proc/net/tcp6; do
        [[ -r $file ]] || continue
        while read -r _ local_address _rest; do
            [[ $local_address == *:* ]] || continue
            printf '%d\n' "$((16#${local_address##*:}))"
        done <"$file"
    done
}

CQ_PORTS_TAKEN=" "

# cq_pick_port VAR [COUNT]: sets VAR to a port P such that P..P+COUNT-1 are all free and not handed out
# earlier in this run. Ports stay below 55000 so the RabbitMQ CLI's range above them fits too.
cq_pick_port() {
    local -n _cq_port_result=$1
    local count=${2:-1} in_use base offset ok
    in_use=" $(cq_ports_in_use | sort -un | tr '\n' ' ') "
    for _ in $(seq 1 500); do
        base=$((20000 + (RANDOM * 32768 + RANDOM) % 35000))
        ok=1
        for ((offset = 0; offset < count; offset++)); do
            if [[ $in_use == *" $((base + offset)) "* || $CQ_PORTS_TAKEN == *" $((base + offset)) "* ]]; then
                ok=0
                break
            fi
        done
        if ((ok)); then
            for ((offset = 0; offset < count; offset++)); do CQ_PORTS_TAKEN+="$((base + offset)) "; done
            _cq_port_result=$base
            return 0
        fi
    done
    cq_die "no free loopback port found"
}

cq_wait_for_port() { # PORT SECONDS
    local port=$1 deadline=$((SECONDS + $2))
    until (exec 3<>"/dev/tcp/$CQ_LOOPBACK/$port") 2>/dev/null; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# --- processes -------------------------------------------------------------------------------------

# True when PID is alive and its command line or environment contains MARKER: a recycled pid never
# matches, so a stop can only ever signal a process this script started.
cq_pid_is() { # PID MARKER
    local pid=$1 marker=$2 file text
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    for file in cmdline environ; do
        text=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/$file") || continue
        [[ $text == *"$marker"* ]] && return 0
    done
    return 1
}

# A zombie counts as gone: it has exited and only waits for init to reap it.
cq_is_running() { # PID
    local stat
    stat=$(cat 2>/dev/null "/proc/$1/stat") || return 1
    stat=${stat##*) }
    [[ ${stat:0:1} != Z ]]
}

cq_wait_for_exit() { # PID SECONDS
    local pid=$1 deadline=$((SECONDS + $2))
    while cq_is_running "$pid"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
}

cq_terminate() { # PID MARKER NAME
    local pid=$1 marker=$2 name=$3
    cq_pid_is "$pid" "$marker" || return 0
    kill -TERM "$pid" 2>/dev/null || true
    if ! cq_wait_for_exit "$pid" 15; then
        cq_log "$name (pid $pid) ignored SIGTERM; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        cq_wait_for_exit "$pid" 5 || true
    fi
}

# --- state -----------------------------------------------------------------------------------------

cq_state_set() { # STATE_DIR NAME VALUE
    printf '%s=%q\n' "$2" "$3" >>"$1/state.env"
    printf -v "$2" '%s' "$3"
}

cq_state_load() { # STATE_DIR
    # shellcheck source=/dev/null
    [[ -f $1/state.env ]] && source "$1/state.env"
    return 0
}

# --- installation ----------------------------------------------------------------------------------

cq_postgres_bin_dir() {
    local dir best=""
    for dir in /usr/lib/postgresql/*/bin; do
        [[ -x $dir/postgres ]] && best=$dir
    done
    [[ -n $best ]] && printf '%s\n' "$best"
}

# cq_install_missing WANT_RABBITMQ WANT_POSTGRES: installs the Debian packages for what is wanted and absent (and Chromium).
cq_install_missing() {
    local want_rabbitmq=$1 want_postgres=$2 packages=()
    if ((want_rabbitmq)) && [[ ! -x $CQ_RABBITMQ_SBIN/rabbitmq-server ]]; then packages+=(rabbitmq-server); fi
    if ((want_postgres)) && [[ -z $(cq_postgres_bin_dir) ]]; then packages+=(postgresql); fi
    # The dashboard test drives Debian's headless Chromium (it skips, saying so, when the browser is absent).
    if [[ ! -x /usr/bin/chromium ]]; then packages+=(chromium); fi
    ((${#packages[@]})) || return 0

    ((EUID == 0)) || cq_die "missing ${packages[*]}: install them (apt-get install ${packages[*]}) or run as root"
    cq_log "installing ${packages[*]} from Debian packages"
    export DEBIAN_FRONTEND=noninteractive

    # Debian's maintainer scripts would start system-wide servers on the default ports; a policy-rc.d that
    # answers 101 ("action forbidden") keeps them stopped. Ours is removed again, never someone else's.
    local policy=/usr/sbin/policy-rc.d placed_policy=0
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && placed_policy=1
    fi
    local status=0
    {
        apt-get update -qq &&
            apt-get install -y -qq --no-install-recommends "${packages[@]}"
    } >"${TMPDIR:-/tmp}/cortex-queue-apt.log" 2>&1 || status=$?
    ((placed_policy)) && rm -f "$policy"
    if ((status != 0)); then
        tail -n 30 "${TMPDIR:-/tmp}/cortex-queue-apt.log" >&2
        cq_die "apt-get failed (full log: ${TMPDIR:-/tmp}/cortex-queue-apt.log)"
    fi
}

# --- RabbitMQ --------------------------------------------------------------------------------------

# Runs rabbitmqctl against the recorded node with the same cookie (HOME) and private epmd.
cq_rabbitmqctl() {
    timeout 180 env HOME="$CQ_RABBITMQ_HOME" \
        ERL_EPMD_PORT="$CQ_EPMD_PORT" ERL_EPMD_ADDRESS="$CQ_LOOPBACK" \
        RABBITMQ_CONF_ENV_FILE="$CQ_RABBITMQ_DIR/rabbitmq-env.conf" \
        RABBITMQ_CTL_DIST_PORT_MIN="$CQ_RABBITMQ_CTL_PORT" RABBITMQ_CTL_DIST_PORT_MAX="$((CQ_RABBITMQ_CTL_PORT + 10))" \
        RABBITMQ_CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        "$CQ_RABBITMQ_SBIN/rabbitmqctl" -q -n "$CQ_RABBITMQ_NODE" "$@"
}

cq_rabbitmq_start() { # STATE_DIR
    local state=$1 dir=$1/rabbitmq amqp_port mgmt_port dist_port ctl_port epmd_port
    mkdir -p "$dir/home" "$dir/mnesia" "$dir/log"
    cq_pick_port epmd_port
    cq_pick_port amqp_port
    cq_pick_port mgmt_port
    cq_pick_port dist_port
    cq_pick_port ctl_port 11
    cq_state_set "$state" CQ_RABBITMQ_DIR "$dir"
    cq_state_set "$state" CQ_RABBITMQ_HOME "$dir/home"
    cq_state_set "$state" CQ_RABBITMQ_NODE "rabbit-cqtest-$$@localhost"
    cq_state_set "$state" CQ_RABBITMQ_PID_FILE "$dir/rabbitmq.pid"
    cq_state_set "$state" CQ_RABBITMQ_CTL_PORT "$ctl_port"
    cq_state_set "$state" CQ_EPMD_PORT "$epmd_port"

    # A private cookie: only this run's CLI calls can talk to this node.
    od -An -N24 -tx1 /dev/urandom | tr -d ' \n' >"$dir/home/.erlang.cookie"
    chmod 400 "$dir/home/.erlang.cookie"
    : >"$dir/rabbitmq-env.conf"
    printf '[rabbitmq_management].\n' >"$dir/enabled_plugins"
    cat >"$dir/rabbitmq.conf" <<CONF
loopback_users.guest = true
management.tcp.ip = $CQ_LOOPBACK
management.tcp.port = $mgmt_port
CONF

    cq_log "starting RabbitMQ on $CQ_LOOPBACK:$amqp_port (management on port $mgmt_port)"
    # epmd is normally one per machine; ours has its own port so it can be stopped without harming others.
    setsid epmd -address "$CQ_LOOPBACK" -port "$epmd_port" </dev/null >>"$dir/log/epmd.log" 2>&1 &
    cq_state_set "$state" CQ_EPMD_PID "$!"
    cq_wait_for_port "$epmd_port" 10 || cq_die "epmd did not start (see $dir/log/epmd.log)"

    # The server script itself, not the /usr/sbin wrapper: the wrapper switches to the rabbitmq user,
    # which cannot read our cookie or folders.
    env HOME="$dir/home" \
        ERL_EPMD_PORT="$epmd_port" ERL_EPMD_ADDRESS="$CQ_LOOPBACK" \
        RABBITMQ_NODENAME="$CQ_RABBITMQ_NODE" \
        RABBITMQ_NODE_IP_ADDRESS="$CQ_LOOPBACK" \
        RABBITMQ_NODE_PORT="$amqp_port" \
        RABBITMQ_DIST_PORT="$dist_port" \
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf" \
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf" \
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config" \
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" \
        RABBITMQ_MNESIA_BASE="$dir/mnesia" \
        RABBITMQ_LOG_BASE="$dir/log" \
        RABBITMQ_PID_FILE="$dir/rabbitmq.pid" \
        setsid "$CQ_RABBITMQ_SBIN/rabbitmq-server" </dev/null >>"$dir/log/console.log" 2>&1 &
    cq_state_set "$state" CQ_RABBITMQ_PID "$!"

    if ! cq_rabbitmqctl wait --timeout 120 "$dir/rabbitmq.pid" >>"$dir/log/wait.log" 2>&1; then
        tail -n 20 "$dir/log/console.log" >&2 || true
        cq_die "RabbitMQ did not start (logs in $dir/log)"
    fi
    cq_wait_for_port "$mgmt_port" 30 || cq_die "RabbitMQ management did not open port $mgmt_port"

    cq_state_set "$state" CORTEX_TEST_RABBITMQ "amqp://guest:guest@$CQ_LOOPBACK:$amqp_port/"
    cq_state_set "$state" CORTEX_TEST_RABBITMQ_MANAGEMENT "http://$CQ_LOOPBACK:$mgmt_port/"
}

cq_rabbitmq_stop() {
    [[ -n ${CQ_RABBITMQ_PID:-} ]] || return 0
    local node_pid=""
    [[ -f ${CQ_RABBITMQ_PID_FILE:-} ]] && node_pid=$(head -n 1 "$CQ_RABBITMQ_PID_FILE")
    if cq_pid_is "$CQ_RABBITMQ_PID" "$CQ_RABBITMQ_NODE" || cq_pid_is "$node_pid" "$CQ_RABBITMQ_NODE"; then
        cq_log "stopping RabbitMQ"
        if [[ -n $node_pid ]]; then
            cq_rabbitmqctl stop "$CQ_RABBITMQ_PID_FILE" >/dev/null 2>&1 || true
        fi
        cq_terminate "$CQ_RABBITMQ_PID" "$CQ_RABBITMQ_NODE" RabbitMQ
        [[ -n $node_pid ]] && cq_terminate "$node_pid" "$CQ_RABBITMQ_NODE" RabbitMQ
    fi
}

cq_epmd_stop() {
    [[ -n ${CQ_EPMD_PID:-} ]] || return 0
    cq_terminate "$CQ_EPMD_PID" "-port $CQ_EPMD_PORT" epmd
}

# --- PostgreSQL ------------------------------------------------------------------------------------

cq_as_postgres() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

cq_postgres_start() { # STATE_DIR
    local state=$1 dir=$1/postgres bin port
    bin=$(cq_postgres_bin_dir) || cq_die "PostgreSQL server binaries not found under /usr/lib/postgresql"
    cq_pick_port port
    mkdir -p "$dir/data" "$dir/socket"
    if ((EUID == 0)); then
        id postgres >/dev/null 2>&1 || cq_die "user 'postgres' is missing (the Debian package creates it)"
        chown -R postgres: "$dir"
    fi
    chmod 700 "$dir/data"
    cq_as_postgres test -w "$dir/data" || cq_die "user postgres cannot reach $dir/data (a parent folder is private)"
    cq_state_set "$state" CQ_POSTGRES_BIN "$bin"
    cq_state_set "$state" CQ_POSTGRES_DATA "$dir/data"

    cq_log "starting PostgreSQL ($(basename "$(dirname "$bin")")) on $CQ_LOOPBACK:$port"
    cq_as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
        >"$dir/initdb.log" 2>&1 || { tail -n 20 "$dir/initdb.log" >&2; cq_die "initdb failed"; }
    # Throwaway data: skipping fsync makes schema set-up and COPY in tests several times faster.
    cq_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 start \
        -o "-h $CQ_LOOPBACK -p $port -k $dir/socket -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null 2>&1 || { tail -n 20 "$dir/postgres.log" >&2; cq_die "PostgreSQL did not start"; }
    cq_state_set "$state" CQ_POSTGRES_PID "$(head -n 1 "$dir/data/postmaster.pid")"

    "$bin/psql" -h "$CQ_LOOPBACK" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt \
        -c "CREATE ROLE cortex LOGIN CREATEDB" -c "CREATE DATABASE cortex OWNER cortex" \
        >/dev/null || cq_die "could not create the cortex role and database"
    # The tracker benchmark forces a checkpoint between the paths it compares (pg_checkpoint: PostgreSQL 15 and later).
    "$bin/psql" -h "$CQ_LOOPBACK" -p "$port" -U postgres -d postgres -qAt -c "GRANT pg_checkpoint TO cortex" >/dev/null 2>&1 || true

    cq_state_set "$state" CORTEX_TEST_POSTGRES "Host=$CQ_LOOPBACK;Port=$port;Username=cortex;Database=cortex"
}

cq_postgres_stop() {
    [[ -n ${CQ_POSTGRES_PID:-} ]] || return 0
    cq_pid_is "$CQ_POSTGRES_PID" "$CQ_POSTGRES_DATA" || return 0
    cq_log "stopping PostgreSQL"
    cq_as_postgres "$CQ_POSTGRES_BIN/pg_ctl" -D "$CQ_POSTGRES_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    cq_terminate "$CQ_POSTGRES_PID" "$CQ_POSTGRES_DATA" PostgreSQL
}

# --- the whole set ---------------------------------------------------------------------------------

# cq_services_start STATE_DIR WANT_RABBITMQ WANT_POSTGRES: starts what is wanted and exports CORTEX_TEST_*.
cq_services_start() {
    local state=$1 want_rabbitmq=$2 want_postgres=$3
    mkdir -p "$state"
    # postgres must be able to walk into its own subfolder.
    chmod 755 "$state"
    : >>"$state/state.env"
    ((want_rabbitmq)) && cq_rabbitmq_start "$state"
    ((want_postgres)) && cq_postgres_start "$state"
    cq_services_export
}

cq_services_export() {
    local name
    for name in CORTEX_TEST_RABBITMQ CORTEX_TEST_RABBITMQ_MANAGEMENT CORTEX_TEST_POSTGRES; do
        [[ -n ${!name:-} ]] && export "${name?}"
    done
    return 0
}

cq_services_print_env() { # STATE_DIR
    (
        cq_state_load "$1"
        local name
        for name in CORTEX_TEST_RABBITMQ CORTEX_TEST_RABBITMQ_MANAGEMENT CORTEX_TEST_POSTGRES; do
            [[ -n ${!name:-} ]] && printf 'export %s=%q\n' "$name" "${!name}"
        done
        return 0
    )
}

# True when every server recorded in STATE_DIR is still running.
cq_services_running() { # STATE_DIR
    (
        cq_state_load "$1"
        [[ -n ${CQ_RABBITMQ_PID:-}${CQ_POSTGRES_PID:-} ]] || exit 1
        if [[ -n ${CQ_RABBITMQ_PID:-} ]]; then cq_pid_is "$CQ_RABBITMQ_PID" "$CQ_RABBITMQ_NODE" || exit 1; fi
        if [[ -n ${CQ_POSTGRES_PID:-} ]]; then cq_pid_is "$CQ_POSTGRES_PID" "$CQ_POSTGRES_DATA" || exit 1; fi
    )
}

# Stops whatever STATE_DIR records (in a subshell, so the caller's variables stay as they were) and removes it.
cq_services_stop() { # STATE_DIR
    local state=$1
    [[ -d $state ]] || return 0
    (
        cq_state_load "$state"
        cq_postgres_stop
        cq_rabbitmq_stop
        cq_epmd_stop
    )
    rm -rf "$state"
}

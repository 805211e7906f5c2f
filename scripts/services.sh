#!/usr/bin/env bash
# Starts the test servers once for a developer session, so repeated `dotnet test` runs reuse them:
#   eval "$(scripts/services.sh start)"    # starts RabbitMQ + PostgreSQL, prints export lines
#   scripts/services.sh env                 # prints the export lines again
#   scripts/services.sh stop                # stops them and removes their data
# scripts/test.sh reuses servers named by CORTEX_TEST_RABBITMQ / CORTEX_TEST_POSTGRES instead of starting its own.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"

STATE_DIR=${CORTEX_SERVICES_DIR:-/tmp/cortex-queue-services}

usage() {
    cat >&2 <<USAGE
usage: scripts/services.sh start|stop|env|status
  start   start RabbitMQ and PostgreSQL on free loopback ports; prints export lines for eval
  stop    stop them and delete their data
  env     print the export lines of the running servers
  status  exit 0 when the servers recorded in $STATE_DIR are running
USAGE
    exit 2
}

case ${1:-} in
    start)
        if cq_services_running "$STATE_DIR"; then
            cq_log "already running (state in $STATE_DIR)"
        else
            cq_services_stop "$STATE_DIR"
            cq_install_missing 1 1
            # A failed start must not leave half a set of servers behind.
            (cq_services_start "$STATE_DIR" 1 1) || { cq_services_stop "$STATE_DIR"; exit 1; }
        fi
        cq_services_print_env "$STATE_DIR"
        ;;
    stop)
        cq_services_stop "$STATE_DIR"
        ;;
    env)
        cq_services_running "$STATE_DIR" || cq_die "no servers running; start them with: eval \"\$(scripts/services.sh start)\""
        cq_services_print_env "$STATE_DIR"
        ;;
    status)
        cq_services_running "$STATE_DIR"
        ;;
    *)
        usage
        ;;
esac

#!/usr/bin/env bash
# Runs the benchmark and writes docs/benchmarks.md (about 7 minutes; --quick for a smoke run of a minute or two):
#   bench/run.sh [--quick] [--seconds N] [--warmup N] [--scenario iris|lenet] [--transport embedded|rabbitmq|rabbitmq-transient|worker-process] ...
#   bench/run.sh --only tracker [--tracker-events N] [--tracker-rounds N]   (tracker ingest vs raw COPY; needs PostgreSQL too)
# RabbitMQ: uses $CORTEX_TEST_RABBITMQ when set; otherwise reuses the servers of scripts/services.sh when they run,
# or starts them and stops them again at the end (only what this script started).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

started_services=0
stop_started_services() {
    if [[ $started_services == 1 ]]; then
        scripts/services.sh stop || true
    fi
}
trap stop_started_services EXIT

if [[ -z "${CORTEX_TEST_RABBITMQ:-}" ]]; then
    if scripts/services.sh status >/dev/null 2>&1; then
        eval "$(scripts/services.sh env)"
    elif services_env=$(scripts/services.sh start); then
        started_services=1
        eval "$services_env"
    else
        echo "bench/run.sh: RabbitMQ could not be started; the RabbitMQ scenarios will be skipped" >&2
    fi
fi

dotnet build bench/Cortex.Queue.Bench -c Release --nologo -v q
# The worker scenario starts the worker from its own build output; the bench build above built it.
command_text="bench/run.sh${*:+ $*}"
status=0
dotnet bench/Cortex.Queue.Bench/bin/Release/net10.0/Cortex.Queue.Bench.dll --command "$command_text" "$@" || status=$?
exit $status

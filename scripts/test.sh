#!/usr/bin/env bash
# The project's one test command. Installs RabbitMQ and PostgreSQL from Debian packages if they are
# missing, starts them on free loopback ports (data in a temp folder), builds the solution, runs every
# test project, stops what it started, and ends with the line "N passed, N failed, N skipped".
#
#   ./scripts/test.sh                          # everything
#   ./scripts/test.sh --filter "FullyQualifiedName~Storage"
#   ./scripts/test.sh --no-services            # no servers: tests that need them skip
#   CORTEX_TEST_PROJECTS="tests/Storage.Tests tests/Config.Tests" ./scripts/test.sh
#
# Servers named by CORTEX_TEST_RABBITMQ (+ CORTEX_TEST_RABBITMQ_MANAGEMENT) or CORTEX_TEST_POSTGRES are
# reused instead of started, e.g. after `eval "$(scripts/services.sh start)"`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=scripts/lib/services.sh
source "$ROOT/scripts/lib/services.sh"
cd "$ROOT"

CONFIGURATION=Debug
START_SERVICES=1
FILTER=""

usage() {
    sed -n '2,13s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}

while (($#)); do
    case $1 in
        --no-services) START_SERVICES=0 ;;
        --filter)
            (($# >= 2)) || usage
            FILTER=$2
            shift
            ;;
        --filter=*) FILTER=${1#--filter=} ;;
        -h | --help) usage ;;
        *)
            printf 'unknown option: %s\n' "$1" >&2
            usage
            ;;
    esac
    shift
done

WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/cortex-test.XXXXXX")
# The postgres user runs its server from a folder inside this one.
chmod 755 "$WORK_DIR"
SERVICES_DIR=$WORK_DIR/services
RESULTS_DIR=$WORK_DIR/results

cleanup() {
    [[ -n ${WORK_DIR:-} && -d $WORK_DIR ]] || return 0
    cq_services_stop "$SERVICES_DIR"
    rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the closing line and exits; services are stopped first so that line really is the last one.
finish() { # PASSED FAILED SKIPPED
    cleanup
    printf '%d passed, %d failed, %d skipped\n' "$1" "$2" "$3"
    if (($2 > 0)); then exit 1; fi
    exit 0
}

# --- servers ---------------------------------------------------------------------------------------

if ((START_SERVICES)); then
    want_rabbitmq=0
    want_postgres=0
    [[ -z ${CORTEX_TEST_RABBITMQ:-} ]] && want_rabbitmq=1
    [[ -z ${CORTEX_TEST_POSTGRES:-} ]] && want_postgres=1
    ((want_rabbitmq)) || cq_log "using RabbitMQ at $CORTEX_TEST_RABBITMQ"
    ((want_postgres)) || cq_log "using PostgreSQL at $CORTEX_TEST_POSTGRES"
    # In a subshell so that a failed install or start still ends with the closing line.
    if ! (cq_install_missing "$want_rabbitmq" "$want_postgres" &&
        cq_services_start "$SERVICES_DIR" "$want_rabbitmq" "$want_postgres"); then
        printf 'could not start the test servers\n'
        finish 0 1 0
    fi
    cq_state_load "$SERVICES_DIR"
    cq_services_export
else
    cq_log "not starting servers (--no-services): tests that need them skip"
fi

# --- what to build and run -------------------------------------------------------------------------

# CORTEX_TEST_PROJECTS narrows the run to some test projects (folders, .csproj paths or names such as
# Storage.Tests), which is how to get a count while another project does not build.
targets=()
if [[ -n ${CORTEX_TEST_PROJECTS:-} ]]; then
    for project in ${CORTEX_TEST_PROJECTS//,/ }; do
        if [[ -f $project ]]; then
            targets+=("$project")
        elif [[ -d $project ]] && compgen -G "$project/*.csproj" >/dev/null; then
            targets+=("$(compgen -G "$project/*.csproj" | head -n 1)")
        elif [[ -f tests/$project/$project.csproj ]]; then
            targets+=("tests/$project/$project.csproj")
        else
            printf "CORTEX_TEST_PROJECTS: no test project '%s'\n" "$project"
            finish 0 1 0
        fi
    done
else
    targets=(Cortex.Queue.sln)
fi

# --- build -----------------------------------------------------------------------------------------

cq_log "building ${targets[*]} ($CONFIGURATION)"
for target in "${targets[@]}"; do
    # Quiet when it works; the errors (or the log's end) when it does not.
    if ! dotnet build "$target" -c "$CONFIGURATION" -nologo -v quiet >"$WORK_DIR/build.log" 2>&1; then
        if grep -q ': error ' "$WORK_DIR/build.log"; then
            grep ': error ' "$WORK_DIR/build.log" | sort -u | head -n 60
        else
            tail -n 40 "$WORK_DIR/build.log"
        fi
        printf 'build failed: %s\n' "$target"
        finish 0 1 0
    fi
done

# --- test ------------------------------------------------------------------------------------------

test_args=(
    -c "$CONFIGURATION" --no-build --nologo
    --results-directory "$RESULTS_DIR"
    --logger "trx"
    # A hung test must cost minutes, not the whole CI budget; the hang is reported as a failure.
    --blame-hang-timeout "${CORTEX_TEST_HANG_TIMEOUT:-15m}" --blame-hang-dump-type none
)
[[ -n $FILTER ]] && test_args+=(--filter "$FILTER")

cq_log "running tests${FILTER:+ (filter: $FILTER)}"
runner_failed=0
for target in "${targets[@]}"; do
    dotnet test "$target" "${test_args[@]}" 2>&1 | tee -a "$WORK_DIR/test.log" || runner_failed=1
done

# --- count -----------------------------------------------------------------------------------------

# Each test project leaves one .trx whose <Counters> element totals its run (errors, timeouts and aborts
# count as failures). Skipped tests are not in any counter there: they are the results marked NotExecuted.
counter() { # NAME: one attribute of the current <Counters> element, 0 when absent
    local value
    value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters")
    printf '%d' "${value:-0}"
}
passed=0
failed=0
skipped=0
trx_files=0
while IFS= read -r -d '' trx; do
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1) || continue
    trx_files=$((trx_files + 1))
    passed=$((passed + $(counter passed)))
    failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    skipped=$((skipped + $({ grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" || true; } | wc -l)))
done < <(find "$RESULTS_DIR" -name '*.trx' -print0 2>/dev/null)

# Two test projects whose results landed in one file would hide one project's count.
results_reported=$(grep -c '^Results File: ' "$WORK_DIR/test.log" || true)
if ((trx_files < results_reported)); then
    printf 'only %d result files for %d test runs; some results were lost\n' "$trx_files" "$results_reported" >&2
    runner_failed=1
fi

# A test host that crashed or a runner error may leave no failed test behind; it is still a failure.
if ((runner_failed && failed == 0)); then
    printf 'dotnet test failed without a failing test (crashed test host or runner error)\n' >&2
    failed=1
fi
cq_log "counted $trx_files test result file(s)"
finish "$passed" "$failed" "$skipped"

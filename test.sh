#!/usr/bin/env bash
# The one test command. Installs what the tests need (PostgreSQL 15, Chromium), starts a throwaway PostgreSQL
# cluster, builds once, checks formatting, runs every test suite (each test on SQLite and on PostgreSQL) and ends
# with one line: "N passed, N failed". Exits non-zero if anything failed or a suite ran no test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

started=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/withus-test.XXXXXX")
PG_BIN=""
cleanup() {
    if [[ -n $PG_BIN && -f $WORK/pg/data/postmaster.pid ]]; then
        as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" stop -m fast >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# --- 1. System packages: install only what is missing --------------------------------------------------------------
packages=(postgresql postgresql-contrib chromium fonts-dejavu-core)
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    [[ $(id -u) -eq 0 ]] || die "These packages are missing and installing them needs root: ${missing[*]}"
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update </dev/null || die "apt-get update failed: cannot install ${missing[*]}"
    apt-get install -y "${missing[@]}" </dev/null || die "apt-get install failed for: ${missing[*]}"
fi
command -v dotnet >/dev/null || die "The .NET SDK (dotnet) is not on PATH; install the SDK named in global.json."
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $PG_BIN/initdb ]] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"

# --- 2. A throwaway PostgreSQL cluster on a free loopback port, deleted on exit ---------------------------------------
say "Starting a throwaway PostgreSQL ($PG_BIN)"
mkdir -p "$WORK/pg"
[[ $(id -u) -eq 0 ]] && chown postgres "$WORK" "$WORK/pg"
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres >"$WORK/pg/initdb.log" 2>&1 \
    || { cat "$WORK/pg/initdb.log" >&2; die "initdb failed"; }
# A port nobody listens on can still be taken, as the local end of some other connection (the range overlaps the
# ephemeral ports), so each free-looking port is tried until the server starts on one.
# Durability settings off: this cluster lives for one test run.
port=""
for candidate in $(seq 55432 55532); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then continue; fi
    if as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w -t 60 \
        -o "-p $candidate -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
        start >/dev/null; then
        port=$candidate
        break
    fi
    grep -q "could not bind\|could not create any TCP/IP sockets" "$WORK/pg/server.log" 2>/dev/null \
        || { cat "$WORK/pg/server.log" >&2; die "PostgreSQL did not start"; }
done
[[ -n $port ]] || { cat "$WORK/pg/server.log" >&2; die "PostgreSQL did not start on any loopback port in 55432-55532"; }
export WITHUS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
export WITHUS_REQUIRE_POSTGRES=1
echo "PostgreSQL on 127.0.0.1:$port"

# --- 3. Build once, check formatting -----------------------------------------------------------------------------------
# Build the solution; while a project it lists does not exist yet, build and check the ones that do.
mapfile -t listed < <(grep -o 'Project Path="[^"]*"' WithUs.slnx | sed 's/Project Path="\(.*\)"/\1/')
targets=()
for project in "${listed[@]}"; do
    if [[ -f $project ]]; then targets+=("$project"); else echo "note: $project is listed in WithUs.slnx but does not exist yet"; fi
done
((${#targets[@]} == ${#listed[@]})) && targets=(WithUs.slnx)

say "Building (Release)"
for target in "${targets[@]}"; do
    dotnet build "$target" -c Release -nologo </dev/null || die "Build failed: $target"
done

say "Checking formatting (dotnet format --verify-no-changes)"
for target in "${targets[@]}"; do
    dotnet format "$target" --verify-no-changes </dev/null \
        || die "dotnet format found differences in $target: run 'dotnet format WithUs.slnx' and commit the result"
done

# --- 4. Test suites ---------------------------------------------------------------------------------------------------
suites=(tests/WithUs.Tests/WithUs.Tests.csproj)
if [[ -f tests/WithUs.BrowserTests/WithUs.BrowserTests.csproj ]]; then
    suites+=(tests/WithUs.BrowserTests/WithUs.BrowserTests.csproj)
    export WITHUS_CHROMIUM=/usr/bin/chromium
fi

failed_suites=()
for suite in "${suites[@]}"; do
    name=$(basename "$suite" .csproj)
    say "Testing $name"
    suite_started=$SECONDS
    dotnet test "$suite" --no-build -c Release --results-directory "$WORK/results" \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" \
        --blame-hang-timeout 10m </dev/null || failed_suites+=("$name")
    echo "$name took $(( (SECONDS - suite_started) / 60 ))m $(( (SECONDS - suite_started) % 60 ))s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
done

# --- 5. One closing line over all suites ------------------------------------------------------------------------------
passed=0 failed=0 skipped=0 empty=()
for suite in "${suites[@]}"; do
    name=$(basename "$suite" .csproj)
    trx="$WORK/results/$name.trx"
    if [[ ! -f $trx ]]; then empty+=("$name (no results)"); continue; fi
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    total=$(count total) p=$(count passed)
    f=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
    passed=$((passed + ${p:-0})) failed=$((failed + f)) skipped=$((skipped + ${total:-0} - $(count executed)))
    [[ ${total:-0} -gt 0 ]] || empty+=("$name")
done

# Name every failed test, with the start of its message, last: CI keeps only the end of the output.
for suite in "${suites[@]}"; do
    trx="$WORK/results/$(basename "$suite" .csproj).trx"
    if [[ -f $trx ]]; then awk -f .ci/failed-tests.awk "$trx"; fi
done

status=0
((${#failed_suites[@]} == 0)) || { echo "Suites with failures: ${failed_suites[*]}" >&2; status=1; }
((${#empty[@]} == 0)) || { echo "Suites that ran no test: ${empty[*]}" >&2; status=1; }
((failed == 0)) || status=1
((skipped == 0)) || echo "Skipped (each names its reason in the log above): $skipped"
echo "Test run took $(( (SECONDS - started) / 60 ))m $(( (SECONDS - started) % 60 ))s (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "$passed passed, $failed failed"
exit $status

#!/usr/bin/env bash
# Pages at a region's size (issue 9), in one command:
#   bench/run.sh [--quick] [--provider sqlite|postgres|both] [--vectors on|off] [--soak MINUTES]
# Builds Release, generates a region (full: 1,000 organisations, 1,000,000 contributions, the largest 100,000; quick:
# 100 / 100,000 / 10,000), starts the built app on loopback against it, signs in as a staff member of the largest
# organisation, runs wrk against every page in bench/pages.txt at 16 connections and at 1, then the same against the
# floor server (hand-written SQL, minimal HTML: bench/WithUs.Bench.Region/Floor.cs), and prints one markdown table.
# --soak then keeps every page under load in turn (16 connections, 10 s each) for MINUTES, and says whether the app's
# memory stayed flat: its peak in the soak's first minute against its last.
# PostgreSQL: a throwaway cluster started here (as test.sh does), or a new database on WITHUS_TEST_POSTGRES if set.
# Never run in CI: it takes minutes and needs the machine to itself. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

quick=0 providers=sqlite vectors=on soak=0
while (($#)); do
    case $1 in
        --quick) quick=1 ;;
        --provider) providers=$2; shift ;;
        --vectors) vectors=$2; shift ;;
        --soak) soak=$2; shift ;;
        *) echo "Usage: bench/run.sh [--quick] [--provider sqlite|postgres|both] [--vectors on|off] [--soak MINUTES]" >&2; exit 2 ;;
    esac
    shift
done
[[ $providers == both ]] && providers="sqlite postgres"

if ((quick)); then size=(--quick); long=3s; short=2s; warm=1s; else size=(); long=10s; short=5s; warm=2s; fi
APP_PORT=5181 FLOOR_PORT=5182
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# Waits until a process has worked through what an earlier page left queued (under a tenth of a core over half a
# second), so a slow page's backlog is not measured as the next page's time; gives up after 30 s and says so.
idle() {
    local pid=$1 before after i
    for ((i = 0; i < 60; i++)); do
        before=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || return 0
        sleep 0.5
        after=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null) || return 0
        ((after - before < 5)) && return 0
    done
    say "  (process $pid still busy after 30 s)"
}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/withus-bench.XXXXXX")
pids=() PG_DATA="" PG_BIN=""
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [[ -n $PG_DATA ]] && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" stop -m fast >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || {
    say "Installing wrk"
    [[ $(id -u) -eq 0 ]] || die "wrk is missing and installing it needs root (apt-get install wrk)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y wrk </dev/null >/dev/null 2>&1 \
        || { apt-get update </dev/null >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y wrk </dev/null >/dev/null; } \
        || die "apt-get install wrk failed"
}

started=$SECONDS
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
say "Building (Release)"
dotnet build src/WithUs.Web -c Release -nologo -v q </dev/null >"$WORK/build.log" 2>&1 \
    && dotnet build bench/WithUs.Bench.Region -c Release -nologo -v q </dev/null >>"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log" >&2; die "build failed"; }
APP_DIR=$ROOT/src/WithUs.Web/bin/Release/net10.0
REGION="dotnet $ROOT/bench/WithUs.Bench.Region/bin/Release/net10.0/WithUs.Bench.Region.dll"

# --- Signing in: curl with the cookies kept by hand (they are Secure, and the app sees HTTPS through X-Forwarded-Proto) --
declare -A COOKIES
request() { # request <url> [curl args...]: STATUS, body in $WORK/body, headers in $WORK/headers, cookies remembered
    # (Called directly, never in $(...): a subshell would forget the cookies it sets.)
    local url=$1 cookie="" name value
    shift
    for name in "${!COOKIES[@]}"; do cookie+="$name=${COOKIES[$name]}; "; done
    STATUS=$(curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -H 'X-Forwarded-Proto: https' ${cookie:+-H "Cookie: $cookie"} "$@" "$url")
    while IFS=$'\t' read -r name value; do
        if [[ -z $value ]]; then unset "COOKIES[$name]"; else COOKIES[$name]=$value; fi
    done < <(grep -i '^set-cookie:' "$WORK/headers" | sed -E 's/^[^:]+: *([^=]+)=([^;]*).*/\1\t\2/' | tr -d '\r')
}
# The antiforgery field's name (AntiforgeryOptions in src/WithUs.Web/Infrastructure/WithUsServices.cs).
AF=__af
token() { grep -o "name=\"$AF\"[^>]*value=\"[^\"]*\"" "$WORK/body" | head -1 | sed 's/.*value="//; s/"$//'; }
urlencode() {
    local s=$1 out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in [a-zA-Z0-9.~_-]) out+=$c ;; ' ') out+=+ ;; *) out+=$(printf '%%%02X' "'$c") ;; esac
    done
    printf '%s' "$out"
}
sign_in() { # as the staff member the generator made; fills COOKIES
    local base=$1 code
    COOKIES=()
    request "$base/account/sign-in"
    [[ $STATUS == 200 ]] || die "sign-in page answered $STATUS"
    request "$base/account/sign-in" --data-urlencode "Input.Email=${FACTS[email]}" --data-urlencode "Input.Password=${FACTS[password]}" \
        --data-urlencode "$AF=$(token)"
    [[ $STATUS == 302 ]] || die "signing in with the password answered $STATUS"
    request "$base/account/sign-in/two-factor"
    code=$($REGION totp "${FACTS[authenticator]}")
    request "$base/account/sign-in/two-factor" --data-urlencode "Input.Code=$code" --data-urlencode "$AF=$(token)"
    [[ $STATUS == 302 ]] || die "the second step of signing in answered $STATUS"
}

# --- Measuring ---------------------------------------------------------------------------------------------------------
cat >"$WORK/report.lua" <<'LUA'
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body and #body > 0 then wrk.body = body end
for line in (os.getenv("WRK_HEADERS") or ""):gmatch("[^\n]+") do
  local name, value = line:match("^([^:]+):%s*(.*)$")
  if name then wrk.headers[name] = value end
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout))
end
LUA
measure() { # measure <connections> <duration> <url>: "requests/s p50 p95 p99 errors"
    local connections=$1 duration=$2 url=$3 threads=2
    ((connections == 1)) && threads=1
    wrk -t"$threads" -c"$connections" -d"$duration" --timeout 30s -s "$WORK/report.lua" "$url" | grep '^RESULT' | cut -d' ' -f2-
}
fill() { # placeholders of a page-list address or form
    local s=$1 key
    for key in org id theme deep pdeep person project meeting q; do s=${s//\{$key\}/${FACTS[$key]}}; done
    printf '%s' "${s//\{text\}/$(urlencode "${FACTS[text]}")}"
}
rss_max() { # the highest resident set sampled since line $1 of the sampler's log, in MB; $2: its column (1 all, 2 private)
    tail -n +"$1" "$WORK/rss" | sort -n -k"${2:-1}" | tail -1 | awk -v k="${2:-1}" '{printf "%.0f", $k / 1024}'
}
wait_for() { # wait_for <url>: until it answers, for up to two minutes
    for _ in $(seq 240); do curl -s -o /dev/null "$1" && return 0; sleep 0.5; done
    return 1
}

run_provider() {
    local provider=$1 connection database
    say "[$provider] Generating the region"
    if [[ $provider == sqlite ]]; then
        connection="Data Source=$WORK/region.db;Pooling=true;Default Timeout=30"
    else
        if [[ -z ${WITHUS_TEST_POSTGRES:-} ]]; then
            PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
            [[ -x $PG_BIN/initdb ]] || die "PostgreSQL is not installed (apt-get install postgresql), and WITHUS_TEST_POSTGRES is not set"
            local port
            for port in $(seq 55600 55700); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break; done
            mkdir -p "$WORK/pg" && { [[ $(id -u) -ne 0 ]] || chown postgres "$WORK" "$WORK/pg"; }
            PG_DATA=$WORK/pg/data
            as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -A trust -U postgres >/dev/null
            # Settings for a throwaway cluster, as test.sh uses; shared buffers sized for the region; random_page_cost
            # as docs/configuration.md advises for a server on SSD (the default, 4, is for spinning disks).
            as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORK/pg/server.log" -w -t 60 -o "-p $port -k $WORK/pg \
                -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB \
                -c random_page_cost=1.1" start >/dev/null
            WITHUS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres"
        fi
        database=withus_region_$$
        connection="$WITHUS_TEST_POSTGRES;Database=$database"
        dotnet_sql "CREATE DATABASE $database"
    fi
    $REGION generate --provider "$provider" --connection "$connection" "${size[@]}" --vectors "$vectors" --facts "$WORK/facts" </dev/null \
        | tee "$WORK/generate-$provider.log" >&2
    declare -gA FACTS=()
    while IFS='=' read -r key value; do FACTS[$key]=$value; done <"$WORK/facts"

    say "[$provider] Starting the app and the floor"
    # From the app's own folder: its content root (appsettings.json) is the working directory (issue 9). The check of
    # kept counts is off: the generator has compared them with a recount, and a run at start would share the cores; so
    # are the retention list and the re-seal, which would read every person and every sealed detail at start.
    (cd "$APP_DIR" && ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=http://127.0.0.1:$APP_PORT \
        Database__Provider=$provider Database__ConnectionString="$connection" Email__PublicBaseUrl=https://bench.invalid \
        Similarity__Embeddings=$([[ $vectors == on ]] && echo true || echo false) Logging__LogLevel__Default=Warning \
        Maintenance__KeptCountsEveryHours=0 Maintenance__RetentionEveryHours=0 Maintenance__ResealEveryHours=0 \
        exec dotnet WithUs.Web.dll </dev/null >"$WORK/app-$provider.log" 2>&1) &
    local app=$!
    pids+=("$app")
    $REGION floor --provider "$provider" --connection "$connection" --port "$FLOOR_PORT" </dev/null >"$WORK/floor-$provider.log" 2>&1 &
    local floor=$!
    pids+=("$floor")
    wait_for "http://127.0.0.1:$APP_PORT/health/live" || { tail -30 "$WORK/app-$provider.log" >&2; die "the app did not start"; }
    wait_for "http://127.0.0.1:$FLOOR_PORT/health/live" || { tail -30 "$WORK/floor-$provider.log" >&2; die "the floor did not start"; }
    # The dotnet process itself (the subshell exec'd into it).
    ( while kill -0 "$app" 2>/dev/null; do awk '/VmRSS/ { r = $2 } /RssAnon/ { a = $2 } END { if (r) print r, a }' "/proc/$app/status" 2>/dev/null; sleep 0.5; done ) >"$WORK/rss" &
    pids+=("$!")

    sign_in "http://127.0.0.1:$APP_PORT"
    local name
    request "http://127.0.0.1:$APP_PORT/o/${FACTS[org]}/voice/new"
    [[ $STATUS == 200 ]] || die "the capture page answered $STATUS when signed in"
    local form_token cookie
    form_token=$(token)
    cookie=""
    for name in "${!COOKIES[@]}"; do cookie+="$name=${COOKIES[$name]}; "; done

    printf '\n### %s, %s\n\n' "$provider" "$( ((quick)) && echo "quick: largest organisation ${FACTS[rows]}" || echo "full: largest organisation ${FACTS[rows]}")" >>"$WORK/table"
    printf '| page | rows in the org | req/s (16) | p50 (16) | p95 (16) | p99 (16) | p50 (1) | floor req/s (16) | floor p95 (16) | floor p50 (1) | ratio p50 (1) | peak RSS (MB) | of it private (MB) |\n' >>"$WORK/table"
    printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n' >>"$WORK/table"
    local line page method address form who url headers body status floor_status app16 app1 floor16 floor1 mark
    local soak_urls=() soak_methods=() soak_bodies=() soak_headers=()
    while IFS= read -r line; do
        [[ -z ${line// /} || $line == \#* ]] && continue
        IFS='|' read -r page address who <<<"$line"
        page=$(sed 's/^ *//; s/ *$//' <<<"$page") who=$(sed 's/^ *//; s/ *$//' <<<"$who")
        read -r method address form <<<"$address"
        address=$(fill "$address") body=""
        headers=$'X-Forwarded-Proto: https'
        [[ $who == staff ]] && headers+=$'\n'"Cookie: $cookie"
        if [[ $method == POST ]]; then
            body="$(fill "$form")&$AF=$(urlencode "$form_token")"
            headers+=$'\n''Content-Type: application/x-www-form-urlencoded'$'\n''HX-Request: true'
        fi
        export WRK_METHOD=$method WRK_BODY=$body WRK_HEADERS=$headers
        url="http://127.0.0.1:$APP_PORT$address"
        local args=()
        while IFS= read -r h; do args+=(-H "$h"); done <<<"$headers"
        status=$(curl -s -o "$WORK/page" -w '%{http_code}' -X "$method" ${body:+--data "$body"} "${args[@]}" "$url")
        floor_status=$(curl -s -o "$WORK/floor-page" -w '%{http_code}' -X "$method" ${body:+--data "$body"} "http://127.0.0.1:$FLOOR_PORT$address")
        if [[ $status != 200 ]]; then
            say "  $page: the app answered $status, not 200: skipped"
            printf '| %s | | app answered %s | | | | | | | | | |\n' "$page" "$status" >>"$WORK/table"
            continue
        fi
        say "  $page"
        soak_urls+=("$url") soak_methods+=("$method") soak_bodies+=("$body") soak_headers+=("$headers")
        idle "$app"
        mark=$(($(wc -l <"$WORK/rss") + 1))
        measure 16 "$warm" "$url" >/dev/null
        app16=$(measure 16 "$long" "$url")
        app1=$(measure 1 "$short" "$url")
        local peak private
        peak=$(rss_max "$mark")
        private=$(rss_max "$mark" 2)
        if [[ $floor_status == 200 ]]; then
            idle "$app"
            idle "$floor"
            measure 16 "$warm" "http://127.0.0.1:$FLOOR_PORT$address" >/dev/null
            floor16=$(measure 16 "$long" "http://127.0.0.1:$FLOOR_PORT$address")
            floor1=$(measure 1 "$short" "http://127.0.0.1:$FLOOR_PORT$address")
        else
            floor16="- - - - 0" floor1="- - - - 0"
        fi
        read -r rps p50 p95 p99 errors <<<"$app16"
        read -r _ p50_1 _ _ errors_1 <<<"$app1"
        read -r frps _ fp95 _ _ <<<"$floor16"
        read -r _ fp50_1 _ _ _ <<<"$floor1"
        # No request finished within the run (each took longer than it): say so rather than print zeros.
        [[ $rps == 0.0 ]] && { rps="none in $long"; p50=-; p95=-; p99=-; }
        local ratio="-"
        [[ $fp50_1 != - ]] && ratio=$(awk -v a="$p50_1" -v f="$fp50_1" 'BEGIN { if (f > 0) printf "%.1f", a / f; else print "-" }')
        local rows=${FACTS[rows]}
        [[ $address == /health/* ]] && rows=""
        printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%s\n' "$page" "$rows" "$rps" "$p50" "$p95" "$p99" "$p50_1" \
            "$frps" "$fp95" "$fp50_1" "$ratio" "$peak" "$private" "$( ((errors + errors_1)) && echo " $((errors + errors_1)) errors" || true)" >>"$WORK/table"
    done <"$ROOT/bench/pages.txt"
    # The resident set includes file pages (the model's DLL, libraries) that the kernel can take back; the private
    # part (RssAnon) is what the process itself holds.
    printf '\nTimes in ms. App peak resident set (VmHWM): %s MB, of it private at most %s MB. Generation: %s\n' \
        "$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$app/status")" "$(rss_max 1 2)" "$(grep -m1 '^Loaded' "$WORK/generate-$provider.log")" >>"$WORK/table"
    ((soak > 0)) && soak_pages
    kill "$app" "$floor" 2>/dev/null || true
    wait "$app" "$floor" 2>/dev/null || true
}

soak_pages() { # every measured page in turn under load for $soak minutes; the app's memory at the start and the end
    say "[$provider] Soak: every page in turn at 16 connections, 10 s each, for $soak minutes"
    local from=$(($(wc -l <"$WORK/rss") + 1)) end=$((SECONDS + soak * 60)) i=0 turns=0 requests=0 result rps
    while ((SECONDS < end)); do
        export WRK_METHOD=${soak_methods[i]} WRK_BODY=${soak_bodies[i]} WRK_HEADERS=${soak_headers[i]}
        result=$(measure 16 10s "${soak_urls[i]}")
        read -r rps _ _ _ _ <<<"$result"
        requests=$(awk -v a="$requests" -v r="$rps" 'BEGIN { printf "%d", a + r * 10 }')
        i=$(((i + 1) % ${#soak_urls[@]})) turns=$((turns + 1))
    done
    # The sampler reads the app's memory every half second: 120 samples a minute.
    local samples="$WORK/soak-rss"
    tail -n +"$from" "$WORK/rss" >"$samples"
    peak() { sort -n -k"$2" "$1" | tail -1 | awk -v k="$2" '{ printf "%.0f", $k / 1024 }'; }
    head -n 120 "$samples" >"$WORK/soak-first"
    tail -n 120 "$samples" >"$WORK/soak-last"
    printf '\nSoak: %s minutes, %d runs of 10 s over %d pages, about %d requests. Resident set peak in the first minute %s MB, in the last %s MB, highest %s MB; of it private %s, %s, %s MB.\n' \
        "$soak" "$turns" "${#soak_urls[@]}" "$requests" "$(peak "$WORK/soak-first" 1)" "$(peak "$WORK/soak-last" 1)" "$(peak "$samples" 1)" \
        "$(peak "$WORK/soak-first" 2)" "$(peak "$WORK/soak-last" 2)" "$(peak "$samples" 2)" >>"$WORK/table"
}

dotnet_sql() { # one statement on the PostgreSQL server, without needing psql
    $REGION sql --connection "$WITHUS_TEST_POSTGRES" --statement "$1" </dev/null
}

for provider in $providers; do run_provider "$provider"; done
{
    printf '## Pages at a region'"'"'s size: %s, %s\n\n' "$( ((quick)) && echo quick || echo full)" "$(date -u +%Y-%m-%dT%H:%MZ)"
    printf 'Machine: %s cores, %s, %s GB; .NET %s; load average before %s, after %s; %d s in all; wrk %s at 16 connections, %s at 1, after %s of warm-up.\n' \
        "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$(awk '/MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo)" \
        "$(dotnet --version)" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)" $((SECONDS - started)) "$long" "$short" "$warm"
    cat "$WORK/table"
} | tee "${BENCH_RESULT:-/dev/null}"

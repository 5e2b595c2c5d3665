#!/usr/bin/env bash
# Load benchmark of the API on loopback: the server pinned to core 0, wrk to core 1.
# Compares an `entity` query with its relations (persisted GET, GET revalidated with If-None-Match, POST)
# against /health/live on the same server, the ceiling. Bounded: each run lasts DURATION and stops by itself.
# Usage: tests/load/run-wrk.sh   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5099}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
out=$(mktemp -d)

dotnet publish src/Wb6Graph.Api -c Release -o "$out/api" >/dev/null
taskset -c 0 "$out/api/Wb6Graph.Api" --urls "$BASE" --GraphStore:InMemory=true --GraphStore:SeedsDirectory="$PWD/graph-seeds" \
  --Api:PersistedDocumentsDirectory="$PWD/src/Wb6Graph.Api/persisted-documents" --Logging:LogLevel:Default=Warning >"$out/api.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.5; done

doc=$(sha256sum src/Wb6Graph.Api/persisted-documents/entity-with-relations.graphql | cut -d' ' -f1)
get="$BASE/graphql?documentId=sha256:$doc&variables=%7B%22id%22%3A%22wb3c%22%7D"
etag=$(curl -s -D - -o /dev/null "$get" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
cat > "$out/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"query":"query(\$id: ID!) { entity(id: \$id) { id name relations { id type fromId toId validFrom confidence } } }","variables":{"id":"wb3c"}}'
LUA

run() {
  local key=$1 name=$2; shift 2
  taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$out/$key.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/{print $2}' "$out/$key.txt")
  p50=$(awk '$1=="50%"{print $2}' "$out/$key.txt")
  p99=$(awk '$1=="99%"{print $2}' "$out/$key.txt")
  printf '%-44s %12s req/s   p50 %8s   p99 %8s\n' "$name" "$rps" "$p50" "$p99"
  echo "$rps" >"$out/$key.rps"
}

# Warm up JIT (tiered compilation needs a few seconds of each path) and caches first.
taskset -c 1 wrk -t1 -c8 -d5s "$get" >/dev/null
taskset -c 1 wrk -t1 -c8 -d5s -s "$out/post.lua" "$BASE/graphql" >/dev/null
taskset -c 1 wrk -t1 -c8 -d3s "$BASE/health/live" >/dev/null
run ceiling "ceiling: GET /health/live" "$BASE/health/live"
run get "persisted GET entity+relations (200)" "$get"
run revalidate "persisted GET revalidated (304)" -H "If-None-Match: $etag" "$get"
run post "POST entity+relations" -s "$out/post.lua" "$BASE/graphql"
ceiling=$(cat "$out/ceiling.rps")
for key in get revalidate post; do
  awk -v a="$(cat "$out/$key.rps")" -v c="$ceiling" -v n="$key" 'BEGIN{printf "%-12s %.2f of the ceiling\n", n, a/c}'
done

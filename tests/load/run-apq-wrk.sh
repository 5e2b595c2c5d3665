#!/usr/bin/env bash
# Cached-GET throughput of an automatic persisted query against a documentId GET of the same document, side by side on
# one server (pinned to core 0; wrk on core 1), interleaved over ROUNDS rounds so that drift on a shared machine falls on
# both alike. Each round runs, in turn: documentId GET, APQ GET by the file's hash, APQ GET by the hash of a registered
# copy, and the same three revalidated with If-None-Match (304). Prints every run, then the medians and APQ/documentId.
# Usage: tests/load/run-apq-wrk.sh   (needs wrk: apt-get install wrk; ROUNDS, DURATION, CONNECTIONS, PORT to change)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-5097}
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-32}
BASE="http://127.0.0.1:$PORT"
out=$(mktemp -d)

dotnet publish src/Wb6Graph.Api -c Release -o "$out/api" >/dev/null
taskset -c 0 "$out/api/Wb6Graph.Api" --urls "$BASE" --GraphStore:InMemory=true --GraphStore:SeedsDirectory="$PWD/graph-seeds" \
  --Api:PersistedDocumentsDirectory="$PWD/src/Wb6Graph.Api/persisted-documents" --Logging:LogLevel:Default=Warning >"$out/api.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "$BASE/health/ready" >/dev/null && break; sleep 0.5; done

file=src/Wb6Graph.Api/persisted-documents/entity-with-relations.graphql
vars=$(printf '%s' '{"id":"wb3c"}' | jq -sRr @uri)
ext() { printf '{"persistedQuery":{"version":1,"sha256Hash":"%s"}}' "$1" | jq -sRr @uri; }
fileHash=$(sha256sum "$file" | cut -d' ' -f1)
# A copy that is not a file: the same question, registered over APQ as a client would (POST with query and hash).
copy="$(cat "$file")
# registered over APQ"
copyHash=$(printf '%s' "$copy" | sha256sum | cut -d' ' -f1)
jq -n --arg q "$copy" --arg h "$copyHash" '{query: $q, variables: {id: "wb3c"}, extensions: {persistedQuery: {version: 1, sha256Hash: $h}}}' |
  curl -sf "$BASE/graphql" -H 'Content-Type: application/json' --data-binary @- >/dev/null

declare -A url=(
  [documentId]="$BASE/graphql?documentId=sha256:$fileHash&variables=$vars"
  [apq-file]="$BASE/graphql?extensions=$(ext "$fileHash")&variables=$vars"
  [apq-registered]="$BASE/graphql?extensions=$(ext "$copyHash")&variables=$vars"
)
declare -A etag
for key in documentId apq-file apq-registered; do
  head=$(curl -s -D - -o "$out/$key.body" "${url[$key]}" | tr -d '\r')
  etag[$key]=$(awk -F': ' 'tolower($1)=="etag"{print $2}' <<<"$head")
  grep -q '"Western Balkans Cyber Capacity Centre"' "$out/$key.body" || { echo "$key did not answer: $(cat "$out/$key.body")"; exit 1; }
  [ -n "${etag[$key]}" ] || { echo "$key has no ETag"; exit 1; }
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: ${etag[$key]}" "${url[$key]}")" = 304 ] || { echo "$key: no 304"; exit 1; }
  taskset -c 1 wrk -t1 -c8 -d5s "${url[$key]}" >/dev/null # warm-up: tiered JIT and the answer cache
done

runs=(documentId apq-file apq-registered documentId-304 apq-file-304 apq-registered-304)
for round in $(seq "$ROUNDS"); do
  for run in "${runs[@]}"; do
    key=${run%-304}
    args=("${url[$key]}")
    [ "$run" = "$key" ] || args=(-H "If-None-Match: ${etag[$key]}" "${args[@]}")
    taskset -c 1 wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "${args[@]}" >"$out/$run.$round.txt"
    rps=$(awk '/Requests\/sec/{print $2}' "$out/$run.$round.txt")
    non2xx=$(awk '/Non-2xx/{print $NF}' "$out/$run.$round.txt")
    printf 'round %s  %-20s %10s req/s   p50 %8s%s\n' "$round" "$run" "$rps" "$(awk '$1=="50%"{print $2}' "$out/$run.$round.txt")" \
      "${non2xx:+   non-2xx $non2xx}"
    echo "$rps" >>"$out/$run.rps"
  done
done

median() { sort -n "$1" | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo
for run in "${runs[@]}"; do printf 'median %-20s %10.0f req/s\n' "$run" "$(median "$out/$run.rps")"; done
for pair in "apq-file documentId" "apq-registered documentId" "apq-file-304 documentId-304" "apq-registered-304 documentId-304"; do
  set -- $pair
  awk -v a="$(median "$out/$1.rps")" -v b="$(median "$out/$2.rps")" -v n="$1 / $2" 'BEGIN{printf "ratio %-34s %.3f\n", n, a/b}'
done

#!/usr/bin/env bash
# The five-minute check of the Neo4j backend on a machine with Docker (docs/neo4j.md, "A smoke test on a real server").
# It starts docker-compose.yml under a project name of its own (its own volumes, port 5090), waits until the API is
# ready, starts the same API on the embedded store beside it (in memory, port 5091), asks both the README's questions
# and one write, compares the answers, and stops and removes everything it started, whatever happens.
# Needs: docker with compose, dotnet (the .NET 10 SDK), curl, jq. Exits 0 when every answer matched.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in docker dotnet curl jq; do
  command -v "$tool" >/dev/null || { echo "smoke: $tool is needed" >&2; exit 2; }
done

project=wb6graph-smoke
neo4j_port=5090
embedded_port=5091
key="smoke-$RANDOM$RANDOM"
export NEO4J_PASSWORD="smoke-$RANDOM$RANDOM" WB6GRAPH_API_KEYS="$key" WB6GRAPH_PORT="$neo4j_port"
compose=(docker compose -p "$project" -f docker-compose.yml)
embedded_pid=""
log="$(mktemp -d)"

cleanup() {
  [ -n "$embedded_pid" ] && kill "$embedded_pid" 2>/dev/null || true
  "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
  echo "smoke: stopped and removed the compose project $project and the embedded API (logs in $log)"
}
trap cleanup EXIT

wait_ready() { # name url seconds
  local deadline=$((SECONDS + $3))
  until curl -fsS "$2/health/ready" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      echo "smoke: $1 was not ready within $3 s:" >&2
      curl -sS "$2/health/ready" >&2 || true
      return 1
    fi
    sleep 2
  done
  echo "smoke: $1 is ready"
}

echo "smoke: starting Neo4j 5.26 and the API on it (docker compose -p $project)"
"${compose[@]}" up --build -d >"$log/compose-up.log" 2>&1 || { cat "$log/compose-up.log" >&2; exit 1; }
echo "smoke: starting the API on the embedded store (in memory)"
GraphStore__InMemory=true dotnet run --project src/Wb6Graph.Api -- --urls "http://127.0.0.1:$embedded_port" >"$log/embedded.log" 2>&1 &
embedded_pid=$!

wait_ready "the API on Neo4j" "http://127.0.0.1:$neo4j_port" 300 || { "${compose[@]}" logs --tail 50 >&2; exit 1; }
wait_ready "the API on the embedded store" "http://127.0.0.1:$embedded_port" 300 || { tail -n 50 "$log/embedded.log" >&2; exit 1; }

failed=0
# Ties (two paths of one length, two search hits of one rank) are ordered by id in Neo4j and by the snapshot's order
# in the engine (docs/neo4j.md), so lists are compared as sets of their items.
normalise='walk(if type == "array" then sort_by(tojson) else . end)'

ask() { # port query -> JSON answer
  curl -sS -G "http://127.0.0.1:$1/graphql" --data-urlencode "query=$2"
}

compare() { # name query
  local neo embedded
  neo="$(ask "$neo4j_port" "$2" | jq -S "$normalise")"
  embedded="$(ask "$embedded_port" "$2" | jq -S "$normalise")"
  if [ "$neo" = "$embedded" ] && ! jq -e '.errors' <<<"$neo" >/dev/null; then
    echo "smoke: same answer  $1"
  else
    echo "smoke: DIFFERENT    $1"
    diff <(echo "$embedded") <(echo "$neo") | head -n 40 || true
    failed=1
  fi
}

write() { # port mutation -> JSON answer
  curl -sS "http://127.0.0.1:$1/graphql" -H 'content-type: application/json' -H "Authorization: Bearer $key" \
    -d "$(jq -n --arg q "$2" '{query: $q}')"
}

# The README's five questions.
compare "1. DG NEAR's timeline" '{ entity(id: "dg-near") { name validTo timeline(from: "2024-01-01") { kind date relation { type to { name } } } } }'
compare "2. North Macedonia on 2025-06-01" '{ relations(from: "mk", types: [APPLIES], asOf: "2025-06-01") { nodes { to { name } validFrom validTo uncertain } } }'
compare "3. gaps of Bosnia and Herzegovina" '{ gaps(country: "ba") { score coverage items { label status detail absences { note } research { conclusion } } } }'
compare "4. three paths from KCSS to ENISA" '{ paths(from: "kcss", to: "enisa", k: 3) { length entities { name } steps { relations { type occurredOn validFrom confidence sources { title url } } } } }'
compare "5. the dashboard panel" '{ gaps { country { name } score coverage } entities(search: "Podgorica", first: 5) { nodes { name kind } } }'
# Neo4j without Graph Data Science answers centrality by DEGREE only (BETWEENNESS is NEEDS_GDS there).
compare "6. degree centrality of the countries" '{ centrality(measure: DEGREE, kinds: [Country], limit: 6) { entity { id } score } }'

# One write through each API, then the same read on both.
mutation='mutation { addRelation(input: {type: COOPERATES_WITH, from: "kcss", to: "aksk", confidence: M, sources: {new: [{id: "smoke-mou", title: "Smoke-test memorandum", url: "https://example.org/smoke-mou", kind: OFFICIAL}]}}) { id origin } }'
for port in "$neo4j_port" "$embedded_port"; do
  answer="$(write "$port" "$mutation")"
  if jq -e '.data.addRelation.origin == "USER"' <<<"$answer" >/dev/null; then
    echo "smoke: write accepted on port $port"
  else
    echo "smoke: write FAILED on port $port: $answer"
    failed=1
  fi
done
compare "7. the written relation, read back" '{ relations(from: "kcss", to: "aksk") { nodes { id type origin confidence sources { id title } } } }'

if [ "$failed" -ne 0 ]; then
  echo "smoke: the Neo4j backend and the embedded store answered differently (see above)"
  exit 1
fi
echo "smoke: Neo4j and the embedded store answered alike: 7 reads and one write"

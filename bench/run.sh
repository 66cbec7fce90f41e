#!/usr/bin/env bash
# The performance benchmark of the load generator, the reference webserver and provisioning (README,
# "Benchmark"): one command, bounded in time, all load on 127.0.0.1. Prints one Markdown table and writes it
# to target/bench/results.md; raw figures go to target/bench/figures/, every process's output to target/bench/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
budget=1170         # seconds for everything, build included; the safety net below stops all at 1200 s
install=true
mvn_flags=(-B -q)
options=()

usage() {
  cat <<'USAGE'
usage: bench/run.sh [--no-install] [--offline] [--tool auto|wrk|gatling] [--rows 1,2,3,4,5,6,7] [--quick]

  --no-install   do not install the peers when missing: by default Debian's wrk (row 1's load tool; without it
                 Gatling is) and python3-locust (row 6's peer) are installed first, when root or passwordless
                 sudo allows
  --offline      run Maven offline (-o)
  --tool         row 1's load process: auto (wrk when installed), wrk or gatling
  --rows         only these rows of the table
  --quick        small loads, to check the benchmark itself in a minute or two (not the machine's figures)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --no-install) install=false ;;
    --install-wrk) ;; # the default now
    --offline|-o) mvn_flags+=(-o) ;;
    --quick) options+=(--quick) ;;
    --tool|--rows)
      [ $# -ge 2 ] || { echo "bench: $1 needs a value" >&2; exit 2; }
      options+=("$1" "$2"); shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done

# the peers the table compares with: wrk (row 1) and Locust (row 6), from Debian's packages
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v locust >/dev/null 2>&1 || missing+=(python3-locust)
if $install && [ ${#missing[@]} -gt 0 ]; then
  echo "[bench] installing ${missing[*]} …"
  as_root=()
  [ "$(id -u)" -eq 0 ] || { sudo -n true 2>/dev/null && as_root=(sudo -n); }
  if [ "$(id -u)" -eq 0 ] || [ ${#as_root[@]} -gt 0 ]; then
    ${as_root[@]+"${as_root[@]}"} apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
      || { ${as_root[@]+"${as_root[@]}"} apt-get update -q >/dev/null 2>&1 && ${as_root[@]+"${as_root[@]}"} apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; } \
      || echo "bench: could not install ${missing[*]}: row 1 falls back to Gatling, row 6 is not measured" >&2
  else
    echo "bench: installing ${missing[*]} needs root or passwordless sudo: row 1 falls back to Gatling, row 6 is not measured" >&2
  fi
fi

echo "[bench] building (mvn -Pbench test-compile) …"
# the Java orchestrator (bench/java, compiled only under -Pbench) runs every row and every process itself, within
# the budget; timeout(1), when there is one, stops everything (its process group) should that ever fail
guard=()
if command -v timeout >/dev/null 2>&1; then
  guard=(timeout -s TERM -k 30 $((1200 - ($(date +%s) - started))))
fi
exec ${guard[@]+"${guard[@]}"} mvn "${mvn_flags[@]}" -Pbench test-compile exec:exec@bench \
  -Dbench.options="${options[*]:-} --started-at $started --budget $budget"

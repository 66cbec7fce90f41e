#!/usr/bin/env bash
# The performance benchmark of the load generator, the reference webserver and provisioning (README,
# "Benchmark"): one command, bounded in time, all load on 127.0.0.1. Prints one Markdown table and writes it
# to target/bench/results.md; raw figures go to target/bench/figures/, every process's output to target/bench/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
budget=570          # seconds for everything, build included; the safety net below stops all at 600 s
install_wrk=false
mvn_flags=(-B -q)
options=()

usage() {
  cat <<'USAGE'
usage: bench/run.sh [--install-wrk] [--offline] [--tool auto|wrk|gatling] [--rows 1,2,3,4,5] [--quick]

  --install-wrk  install Debian's wrk first when it is missing (needs root or passwordless sudo); without
                 wrk, Gatling is row 1's load process
  --offline      run Maven offline (-o)
  --tool         row 1's load process: auto (wrk when installed), wrk or gatling
  --rows         only these rows of the table
  --quick        small loads, to check the benchmark itself in a minute or two (not the machine's figures)
USAGE
}

while [ $# -gt 0 ]; do
  case "$1" in
    --install-wrk) install_wrk=true ;;
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

if $install_wrk && ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } \
      || echo "bench: could not install wrk; Gatling will be row 1's load process" >&2
  elif sudo -n true 2>/dev/null; then
    sudo -n apt-get install -y -q wrk >/dev/null || echo "bench: could not install wrk; Gatling will be row 1's load process" >&2
  else
    echo "bench: --install-wrk needs root or passwordless sudo; Gatling will be row 1's load process" >&2
  fi
fi

echo "[bench] building (mvn -Pbench test-compile) …"
# the Java orchestrator (bench/java, compiled only under -Pbench) runs every row and every process itself, within
# the budget; timeout(1), when there is one, stops everything (its process group) should that ever fail
guard=()
if command -v timeout >/dev/null 2>&1; then
  guard=(timeout -s TERM -k 30 $((600 - ($(date +%s) - started))))
fi
exec ${guard[@]+"${guard[@]}"} mvn "${mvn_flags[@]}" -Pbench test-compile exec:exec@bench \
  -Dbench.options="${options[*]:-} --started-at $started --budget $budget"

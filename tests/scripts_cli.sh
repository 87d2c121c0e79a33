#!/usr/bin/env bash
# Every executable in scripts/ (env.sh is sourced, not run) answers -h and
# --help with its usage on stdout and exit 0, and rejects an unknown option
# with exit 2 and "unknown option" on stderr; none of these runs may create or
# change a file (git status, and the mtimes of the build/tool directories) or
# take 5 s or more (which would mean it started setup or a build).
# Prints one line per check; exits 1 if any failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
limit_ms=5000
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

# Directories a script with side effects would touch: the defaults and the
# environment overrides of scripts/env.sh, plus the bench log directory.
watched=("$root/.venv" "$root/.tools" "$root/out" "$root/target" "$root/data/interim"
         "${AMAZON_SALES_VENV:-}" "${AMAZON_SALES_TOOLS:-}" "${CARGO_TARGET_DIR:-}"
         "${AMAZON_SALES_OUT:-}" "${AMAZON_SALES_BENCH_DIR:-/tmp/amazon-sales-bench}")
snapshot() {
  git -C "$root" status --porcelain --untracked-files=all
  git -C "$root" status --porcelain --ignored | grep '^!!'   # ignored dirs, not their contents
  git -C "$root" diff HEAD | sha1sum
  local d
  for d in "${watched[@]}"; do
    # the directory itself (or its absence) and the mtimes of its entries
    if [ -n "$d" ] && [ -e "$d" ]; then
      find "$d" -maxdepth 1 -printf '%p %T@\n' 2>/dev/null | sort
    elif [ -n "$d" ]; then
      echo "$d absent"
    fi
  done
}
now_ms() { date +%s%3N; }

# run NAME ARGS...: runs scripts/NAME with ARGS, stdin closed; sets rc, ms, changed
# and leaves its output in $tmp/out and $tmp/err.
run() {
  local name="$1"; shift
  snapshot > "$tmp/before"
  local start; start=$(now_ms)
  timeout -k 2 30 "scripts/$name" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
  rc=$?
  ms=$(( $(now_ms) - start ))
  snapshot > "$tmp/after"
  if cmp -s "$tmp/before" "$tmp/after"; then changed=""; else
    changed=$(diff "$tmp/before" "$tmp/after" | grep '^[<>]' | head -3 | tr '\n' ';'); fi
}
expect() {   # expect LABEL EXIT_CODE STREAM TEXT
  local label="$1" code="$2" stream="$3" text="$4"
  check "$label: exit $code (got $rc)" test "$rc" -eq "$code"
  check "$label: $stream contains '$text'" grep -q -- "$text" "$tmp/$stream"
  check "$label: no file created or changed${changed:+ ($changed)}" test -z "$changed"
  check "$label: finished in under 5 s (${ms} ms)" test "$ms" -lt "$limit_ms"
}

scripts=()
for f in scripts/*; do
  [ -f "$f" ] && [ -x "$f" ] && [ "$(basename "$f")" != env.sh ] && scripts+=("$(basename "$f")")
done
check "found the scripts to test (${#scripts[@]}: ${scripts[*]})" test "${#scripts[@]}" -ge 9

for name in "${scripts[@]}"; do
  for flag in --help -h; do
    run "$name" "$flag"
    expect "scripts/$name $flag" 0 out "usage:"
    check "scripts/$name $flag: usage names scripts/$name" grep -q "^usage: scripts/$name" "$tmp/out"
  done
  run "$name" --definitely-not-an-option
  expect "scripts/$name --definitely-not-an-option" 2 err "unknown option"
done

# check-notebooks execs run-notebooks: its help must be its own.
run check-notebooks --help
check "scripts/check-notebooks --help: shows check-notebooks' usage, not run-notebooks'" \
  grep -q "^usage: scripts/check-notebooks" "$tmp/out"
# Options that take a value fail without one.
for name in run-notebooks check-notebooks; do
  run "$name" --out
  expect "scripts/$name --out (no value)" 2 err "needs a value"
done
# scale takes positive integer factors only.
for bad in 0 -3 x 1.5; do
  run scale 1 "$bad"
  expect "scripts/scale 1 $bad" 2 err "positive integer"
done

echo
if [ "$failures" -gt 0 ]; then
  echo "scripts_cli: $failures of $checks checks failed"
  exit 1
fi
echo "scripts_cli: all $checks checks passed"

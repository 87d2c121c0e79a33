#!/usr/bin/env bash
# The scale-out crate (DataFusion/Ballista) against the polars pipeline: its
# own fmt, clippy and unit tests, then the 1× and 2× synthetic reports through
# polars streaming, local DataFusion and Ballista standalone, whose results
# must be identical (rows per rule, daily revenue in paise, lines per state),
# and bad input (missing file, wrong header, unreachable scheduler) that must
# fail naming the file or URL without touching the input.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/env.sh"
source "$ROOT/tests/checks.sh"
cd "$ROOT"
if [ ! -x "$SCALE_OUT_BIN" ]; then
  echo "scale-out: first build of DataFusion + Ballista (cold: about 15-20 minutes on 2 cores, then cached in $SCALE_OUT_TARGET)"
fi
started=$SECONDS
scale_out_cargo build --release --locked --quiet
echo "scale-out built in $((SECONDS - started)) s"
scale_out_cargo fmt --check
scale_out_cargo clippy --release --locked --quiet --all-targets -- -D warnings
scale_out_cargo test --release --locked --quiet

cargo build --quiet --bin scale
polars="$CARGO_TARGET_DIR/$CARGO_BUILD_TARGET/debug/scale"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in 1 2; do
  input="data/interim/sales_${n}x.csv.gz"
  [ -f "$input" ] || "$polars" generate "$n"
  before=$(sha256sum "$input")
  "$polars" summary "$input" "$tmp/polars_$n.txt"
  for engine in local standalone; do
    "$SCALE_OUT_BIN" --engine "$engine" --out "$tmp/${engine}_$n.txt" "$input"
    check "${n}×: $engine equals polars streaming" cmp -s "$tmp/polars_$n.txt" "$tmp/${engine}_$n.txt"
  done
  check "${n}×: the input is unchanged" test "$before" = "$(sha256sum "$input")"
done
check "2×: twice the 1× rows and state lines" python3 - "$tmp/polars_1.txt" "$tmp/polars_2.txt" <<'PY'
import sys
def facts(path):
    return {tuple(l.split("\t")[:-1]): l.split("\t")[-1] for l in open(path) if not l.startswith(("sparse", "day"))}
one, two = facts(sys.argv[1]), facts(sys.argv[2])
sys.exit(not (one.keys() == two.keys() and all(int(two[k]) == 2 * int(v) for k, v in one.items())))
PY

fails_naming() {  # fails_naming TEXT ARGS...: exit 1 and TEXT on stderr
  local text="$1"; shift
  local rc=0
  "$SCALE_OUT_BIN" "$@" >/dev/null 2>"$tmp/err" || rc=$?
  [ "$rc" = 1 ] && grep -qF -- "$text" "$tmp/err" || { echo "exit $rc:"; cat "$tmp/err"; return 1; }
}
check "a missing file is named" fails_naming "$tmp/absent.csv.gz" "$tmp/absent.csv.gz"
printf 'index,Order ID,Date\n1,a,04-30-22\n' > "$tmp/wrong-header.csv"
check "a wrong header is named, with the missing columns" fails_naming '"Amount"' "$tmp/wrong-header.csv"
check "an unreachable scheduler URL is named" fails_naming "df://127.0.0.1:1" --engine df://127.0.0.1:1 data/interim/sales_1x.csv.gz
rc=0; "$SCALE_OUT_BIN" --out data/interim/sales_1x.csv.gz data/interim/sales_1x.csv.gz 2>/dev/null || rc=$?
check "--out may not be the input (usage error, exit 2)" test "$rc" = 2
echo "$checks checks, $failures failed"
[ "$failures" = 0 ]

#!/usr/bin/env bash
# scripts/build-notebooks (validation, then jupytext --sync; --check) on a temp copy
# of the notebooks and their paired .rs files, with the project venv's jupytext:
#   (a) a code cell edited in the .ipynb reaches the .rs, and no cell id changes;
#   (b) a cell edited in (or added to) the .rs reaches the .ipynb, and the ids of the
#       other cells stay;
#   (c) a malformed cell marker (or a broken .ipynb) fails naming file:line, and
#       nothing is written, in either notebook;
#   (d) --check fails on an out-of-sync pair without writing, and passes on the
#       committed notebooks.
# Prints one line per check; exits 1 if any failed.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
py="$VENV/bin/python"
build="$root/scripts/build-notebooks"
if ! "$py" -c 'import importlib.util as u, sys; sys.exit(u.find_spec("jupytext") is None)' >/dev/null 2>&1; then
  echo "FAIL jupytext is not installed in the project venv ($VENV): run scripts/setup"
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/checks.sh"
a=01_sales_report
b=02_product_analysis
nb="$tmp/nb"
fresh() {   # a pristine copy of the committed pairs, the .ipynb files older than the .rs
  rm -rf "$nb"; mkdir -p "$nb"
  cp "$root"/notebooks/{$a,$b}.{ipynb,rs} "$nb/"
  touch -d '2 minutes ago' "$nb"/*.ipynb
  touch -d '1 minute ago' "$nb"/*.rs
}
quiet() { "$@" >/dev/null 2>&1; }
older() { touch -d '5 minutes ago' "$@"; }   # older FILE...: make the other side the newer one
sync() { "$build" "$@" >"$tmp/out" 2>"$tmp/err"; rc=$?; }
state() { (cd "$nb" && for f in *; do echo "$f $(sha1sum <"$f" | cut -c1-40) $(stat -c %.9Y "$f")"; done); }
ids() { "$py" -c 'import json, sys; print("\n".join(c["id"] for c in json.load(open(sys.argv[1]))["cells"]))' "$1"; }
# code_cell NOTEBOOK N: the source of the N-th code cell (0-based)
code_cell() {
  "$py" -c 'import json, sys; print("".join([c for c in json.load(open(sys.argv[1]))["cells"] if c["cell_type"] == "code"][int(sys.argv[2])]["source"]))' "$1" "$2"
}

check "jupytext $("$py" -c 'import importlib.metadata as m; print(m.version("jupytext"))') found in the project venv ($VENV)" true

# (a) edit a code cell of the .ipynb, sync: the .rs gains exactly that line.
fresh
cp "$nb/$a.rs" "$tmp/a-before.rs"
ids "$nb/$a.ipynb" >"$tmp/ids-before"
"$py" - "$nb/$a.ipynb" <<'PY'
import sys, nbformat
nb = nbformat.read(sys.argv[1], as_version=4)
cell = [c for c in nb.cells if c.cell_type == "code"][1]
cell.source += "\n// edited in the notebook (notebook_sync test)"
nbformat.write(nb, sys.argv[1])
PY
older "$nb/$a.rs"
sync "$nb/$a.ipynb"
check "(a) sync after a .ipynb edit: exit 0 (got $rc)" test "$rc" -eq 0
check "(a) the .rs gained exactly the edited line" \
  test "$(diff "$tmp/a-before.rs" "$nb/$a.rs" | grep '^[<>]')" = "> // edited in the notebook (notebook_sync test)"
ids "$nb/$a.ipynb" >"$tmp/ids-after"
check "(a) every cell id of the .ipynb unchanged" cmp -s "$tmp/ids-before" "$tmp/ids-after"
check "(a) the pair is in sync afterwards (--check)" quiet "$build" --check "$nb/$a.ipynb"

# (b) edit the .rs (one line in the 3rd code cell, and a new cell), sync: the .ipynb follows.
fresh
ids "$nb/$b.ipynb" >"$tmp/ids-before"
"$py" - "$nb/$b.rs" <<'PY'
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\n")
code = [i for i, l in enumerate(lines) if l == "// %%"]
lines.insert(code[2] + 1, "let edited_in_rs = 1; // notebook_sync test")
lines[code[5]:code[5]] = ["// %%", "let new_cell_in_rs = 2;", ""]
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
older "$nb/$b.ipynb"
sync "$nb/$b.ipynb"
check "(b) sync after a .rs edit: exit 0 (got $rc)" test "$rc" -eq 0
check "(b) the .ipynb's 3rd code cell starts with the line added in the .rs" \
  test "$(code_cell "$nb/$b.ipynb" 2 | sed -n 1p)" = "let edited_in_rs = 1; // notebook_sync test"
check "(b) the cell added in the .rs is in the .ipynb" \
  test "$(code_cell "$nb/$b.ipynb" 5)" = "let new_cell_in_rs = 2;"
ids "$nb/$b.ipynb" >"$tmp/ids-after"
check "(b) every cell id of the .ipynb kept, the new cell has its own" \
  test "$(diff "$tmp/ids-before" "$tmp/ids-after" | grep -c '^[<>]')" -eq 1 -a "$(diff "$tmp/ids-before" "$tmp/ids-after" | grep -c '^<')" -eq 0
check "(b) the pair is in sync afterwards (--check)" quiet "$build" --check "$nb/$b.ipynb"

# (c) a malformed marker in one .rs, a pending valid edit in the other: exit != 0,
# file:line named, no file of either pair written.
for marker in '//%%' '// %%[markdown]' '// %% [markdwn]' '# %%'; do
  fresh
  printf '\nlet pending = 1;\n' >>"$nb/$a.rs"   # valid, newer than its .ipynb: a sync would write it
  "$py" - "$nb/$b.rs" "$marker" <<'PY'
import sys
path, marker = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
lines.insert(39, marker)   # becomes line 40
open(path, "w", encoding="utf-8").write("\n".join(lines))
PY
  state >"$tmp/before"
  sync "$nb/$a.ipynb" "$nb/$b.ipynb"
  state >"$tmp/after"
  check "(c) '$marker': exit != 0 (got $rc)" test "$rc" -ne 0
  check "(c) '$marker': the error names $b.rs:40" grep -q "$b.rs:40: " "$tmp/err"
  check "(c) '$marker': nothing written (both pairs untouched)" cmp -s "$tmp/before" "$tmp/after"
done
fresh
printf '{"cells": [\n' >"$nb/$b.ipynb"
state >"$tmp/before"
sync "$nb/$a.ipynb" "$nb/$b.ipynb"
state >"$tmp/after"
check "(c) truncated .ipynb: exit != 0 (got $rc), names $b.ipynb:2, nothing written" \
  test "$rc" -ne 0 -a -n "$(grep "$b.ipynb:2: not valid JSON" "$tmp/err")" -a -z "$(diff "$tmp/before" "$tmp/after")"

# (d) --check on an out-of-sync pair, then on the committed notebooks.
fresh
sed -i '0,/^let /s/^let /let  /' "$nb/$a.rs"
state >"$tmp/before"
sync --check "$nb/$a.ipynb" "$nb/$b.ipynb"
state >"$tmp/after"
check "(d) --check on an out-of-sync pair: exit 1 (got $rc)" test "$rc" -eq 1
check "(d) --check names the out-of-sync notebook, not the other" \
  test -n "$(grep "$a.ipynb: differs from $a.rs" "$tmp/out")" -a -z "$(grep "$b.ipynb: differs" "$tmp/out")"
check "(d) --check wrote nothing" cmp -s "$tmp/before" "$tmp/after"
sync --check
check "(d) --check passes on the committed notebooks (exit $rc)" test "$rc" -eq 0
[ "$rc" -eq 0 ] || sed 's/^/     /' "$tmp/out" "$tmp/err"

# Without jupytext in the venv, build-notebooks says to run scripts/setup.
mkdir -p "$tmp/novenv/bin"
printf '#!/bin/sh\nexit 1\n' >"$tmp/novenv/bin/python"; chmod +x "$tmp/novenv/bin/python"
AMAZON_SALES_VENV="$tmp/novenv" "$build" --check >"$tmp/out" 2>"$tmp/err"; rc=$?
check "no jupytext in the venv: exit 1 (got $rc) and 'run scripts/setup'" \
  test "$rc" -eq 1 -a -n "$(grep 'run scripts/setup' "$tmp/err")"

echo
if [ "$failures" -gt 0 ]; then
  echo "notebook_sync: $failures of $checks checks failed"
  exit 1
fi
echo "notebook_sync: all $checks checks passed"

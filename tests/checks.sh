# Shared by the shell tests (sourced, not run): `check DESCRIPTION COMMAND...`
# runs the command as the condition and prints one `ok`/`FAIL` line;
# the caller prints the tally from $checks and $failures.
failures=0
checks=0
check() {
  local what="$1"; shift
  checks=$((checks + 1))
  if "$@"; then
    echo "ok   $what"
  else
    echo "FAIL $what"
    failures=$((failures + 1))
  fi
}

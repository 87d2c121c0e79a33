#!/usr/bin/env python3
"""usage: scripts/nbtool.py [-h] COMMAND [options] [ARGS...]
Notebook tooling for the project (stdlib only, plus jupytext for `sync` and nbconvert
for `execute`).

  sync [--check] [NOTEBOOK...]
                        validate every notebook and its paired percent-format .rs
                        (notebooks/<name>.ipynb + notebooks/<name>.rs), then sync
                        them with `jupytext --sync` (the newer side wins); nothing is
                        written if any file is malformed
                        (--check: write nothing; fail if a pair disagrees on a cell's
                        input, or a notebook holds outputs)
  scan NOTEBOOK...      fail if an executed notebook holds an error output, a panic,
                        a compile error or any stderr text (evcxr reports a failed
                        cell only that way; nbconvert itself exits 0)
  execute NOTEBOOK OUT  run NOTEBOOK with the Rust kernel (errors kept in the outputs),
                        print one line per code cell as it finishes, write OUT
  strip NOTEBOOK...     remove outputs and execution counts in place
  timings NOTEBOOK...   per-cell wall time of an executed notebook (nbclient's timestamps),
                        slowest first, plus the total
  -h, --help            print this help (COMMAND --help: that command's) and exit

The .rs files use jupytext's percent format: `// %% [markdown]` starts a markdown
cell (its lines start with `// `), `// %%` starts a code cell.
"""
import json
import re
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


# --- sync: each notebook is paired with a percent-format Rust source by jupytext
# (notebook metadata jupytext.formats = "ipynb,rs:percent"); JupyterLab writes the
# .rs on every save (jupytext's server extension), `sync` does it from the shell.

NOTEBOOKS = ROOT / "notebooks"
PAIRED = "rs:percent"
# any line that looks like a percent-format cell marker, in the Rust or the Python spelling
MARKER_LIKE = re.compile(r"^\s*(//|#)\s*%%")
# the markers jupytext writes: `// %%`, `// %% [markdown]`, optionally followed by a
# title or cell options (`// %% [markdown] tags=["x"]`)
MARKER = re.compile(r"^// %%(?: \[(?P<kind>[^\]]*)\])?(?P<rest> .*)?$")
CELL_KINDS = ("markdown", "raw")
CODING = re.compile(r"^//.*coding[:=]")


def shown(path):
    """The path as the user would type it: relative to the working directory when inside it."""
    path = pathlib.Path(path).absolute()
    try:
        return str(path.relative_to(pathlib.Path.cwd()))
    except ValueError:
        return str(path)


def pinned_jupytext():
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        m = re.match(r"^\s*-\s*jupytext==(\S+)", line)
        if m:
            return m.group(1)
    return None


def require_jupytext():
    try:
        import jupytext  # noqa: F401
        import nbformat  # noqa: F401
        import yaml  # noqa: F401
    except ImportError as err:
        print(f"{PROG}: jupytext is not installed for {sys.executable} ({err}); "
              "run scripts/setup (it installs the pip packages of environment.yml)", file=sys.stderr)
        sys.exit(1)
    pinned = pinned_jupytext()
    if pinned and jupytext.__version__ != pinned:
        print(f"{PROG}: warning: jupytext {jupytext.__version__} here, environment.yml pins {pinned} "
              "(run scripts/setup); the .rs headers record the version that wrote them", file=sys.stderr)
    return jupytext


def validate_rs(path):
    """Problems of a percent-format .rs as `file:line: message` strings, checked before
    jupytext sees the file: jupytext itself reads a malformed marker as text of the
    previous cell (`// %%[markdown]`, `# %%`) or as a code cell with a title
    (`// %% [markdwn]`), silently."""
    import jupytext
    import yaml
    name = shown(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError as err:
        return [f"{name}: not UTF-8 text ({err})"]
    except OSError as err:
        return [f"{name}: cannot read it ({err.strerror})"]
    errors = []
    body = 1 if lines and CODING.match(lines[0]) else 0
    if body < len(lines) and lines[body].rstrip() == "// ---":
        close = next((i for i in range(body + 1, len(lines)) if lines[i].rstrip() == "// ---"), None)
        if close is None:
            return [f"{name}:{body + 1}: the header opened by this '// ---' line is never closed by another '// ---'"]
        yaml_lines = [l[3:] if l.startswith("// ") else l[2:] if l.startswith("//") else l
                      for l in lines[body + 1:close]]
        try:
            header = yaml.safe_load("\n".join(yaml_lines))
            if header is not None and not (isinstance(header, dict) and isinstance(header.get("jupyter", {}), dict)):
                errors.append(f"{name}:{body + 2}: the header must be a 'jupyter:' mapping (as jupytext writes it)")
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
            line = body + 2 + mark.line if mark is not None else body + 1
            problem = getattr(err, "problem", None) or str(err).splitlines()[0]
            start = getattr(err, "context_mark", None)
            if start is not None and body + 2 + start.line != line:
                problem += f" (in what starts at line {body + 2 + start.line})"
            errors.append(f"{name}:{line}: the header is not valid YAML: {problem}")
        body = close + 1
    seen_marker = False
    for number, line in enumerate(lines[body:], body + 1):
        if not MARKER_LIKE.match(line):
            if not seen_marker and line.strip():
                errors.append(f"{name}:{number}: text before the first cell marker "
                              "(every cell starts with '// %%' or '// %% [markdown]')")
                seen_marker = True   # reported once
            continue
        seen_marker = True
        m = MARKER.match(line)
        if not m:
            errors.append(f"{name}:{number}: malformed cell marker '{line.rstrip()}': a cell starts with "
                          "'// %%' (code) or '// %% [markdown]' (markdown) at the start of the line")
        elif m["kind"] is not None and m["kind"] not in CELL_KINDS:
            errors.append(f"{name}:{number}: unknown cell type '[{m['kind']}]' in '{line.strip()}' "
                          "(use [markdown], or [raw])")
        elif m["rest"] and m["rest"].strip().startswith("["):
            errors.append(f"{name}:{number}: unexpected '{m['rest'].strip()}' after the cell marker "
                          "(one cell type at most: '// %% [markdown]')")
        elif m["rest"] and m["rest"].strip():
            cell = jupytext.reads(line + "\n", fmt="rs:percent").cells[0]
            if "incorrectly_encoded_metadata" in cell.metadata:
                errors.append(f"{name}:{number}: cannot parse the cell options '{m['rest'].strip()}' "
                              "(jupytext writes them as key=value pairs, e.g. tags=[\"slow\"])")
    if not errors:
        try:
            jupytext.reads("\n".join(lines) + "\n", fmt="rs:percent")
        except Exception as err:  # noqa: BLE001 - any parser failure is reported, with its type
            errors.append(f"{name}: jupytext cannot read it: {type(err).__name__}: {err}")
    return errors


def validate_ipynb(path):
    """Problems of a .ipynb: not JSON (with the line), not a valid nbformat 4 notebook,
    or not paired with a percent-format .rs."""
    import warnings
    import nbformat
    name = shown(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        return [f"{name}: not UTF-8 text ({err})"]
    except OSError as err:
        return [f"{name}: cannot read it ({err.strerror})"]
    except json.JSONDecodeError as err:
        return [f"{name}:{err.lineno}: not valid JSON: {err.msg} (column {err.colno})"]
    if not isinstance(raw, dict) or raw.get("nbformat") != 4:
        version = raw.get("nbformat") if isinstance(raw, dict) else None
        return [f"{name}: not a version 4 Jupyter notebook (nbformat: {version!r})"]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nbformat.validate(nbformat.from_dict(raw))
    except nbformat.ValidationError as err:
        where = "/".join(str(p) for p in getattr(err, "absolute_path", []))
        message = getattr(err, "message", None) or str(err).splitlines()[0]
        return [f"{name}: not a valid notebook (nbformat): {message}" + (f" at {where}" if where else "")]
    formats = raw.get("metadata", {}).get("jupytext", {}).get("formats", "")
    if PAIRED not in str(formats).split(","):
        return [f"{name}: not paired with a percent-format .rs (metadata jupytext.formats is "
                f"{formats or 'missing'!r}); pair it with: jupytext --set-formats ipynb,{PAIRED} {name}"]
    return []


def notebook_pairs(paths):
    """(notebook.ipynb, notebook.rs) for the given paths (either side), by default every
    notebook in notebooks/ plus any .rs there without its .ipynb yet."""
    if not paths:
        found = sorted(NOTEBOOKS.glob("*.ipynb"))
        found += [rs for rs in sorted(NOTEBOOKS.glob("*.rs")) if not rs.with_suffix(".ipynb").exists()]
        paths = found
    pairs = []
    for path in map(pathlib.Path, paths):
        if path.suffix not in (".ipynb", ".rs"):
            usage_error(f"'{path}' is neither a .ipynb nor a .rs", f"usage: {PROG} sync [--check] [NOTEBOOK...]")
        pair = (path.with_suffix(".ipynb"), path.with_suffix(".rs"))
        if not pair[0].exists() and not pair[1].exists():
            usage_error(f"no such notebook: '{path}'", f"usage: {PROG} sync [--check] [NOTEBOOK...]")
        if pair not in pairs:
            pairs.append(pair)
    return pairs


def first_line(source):
    line = next((l for l in source.splitlines() if l.strip()), "")
    return line.strip()[:60] or "(empty)"


def pair_differences(ipynb, rs):
    """Why a validated pair is not in sync: a cell whose type or text differs between the
    .ipynb and the notebook jupytext reads from the .rs (what `jupytext --to ipynb` gives),
    a missing side, or outputs in the .ipynb (notebooks are committed without them).
    Trailing whitespace at the end of a cell is ignored: the .rs cannot represent it."""
    import jupytext
    import nbformat
    if not ipynb.exists():
        return [f"{ipynb.name} is missing (run scripts/build-notebooks to create it from {rs.name})"]
    if not rs.exists():
        return [f"{rs.name} is missing (run scripts/build-notebooks to create it)"]
    nb = nbformat.read(ipynb, as_version=4)
    text = jupytext.read(rs)
    ours = [(c.cell_type, c.source.rstrip()) for c in nb.cells]
    theirs = [(c.cell_type, c.source.rstrip()) for c in text.cells]
    problems = []
    if ours != theirs:
        i = next((k for k, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
        where = f"cell {i + 1} of {len(ours)} in the .ipynb, {len(theirs)} in the .rs"
        if i < len(ours) and i < len(theirs) and ours[i][0] == theirs[i][0]:
            a, b = ours[i][1].splitlines(), theirs[i][1].splitlines()
            j = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
            show = lambda lines: repr(lines[j][:60]) if j < len(lines) else "(no line)"
            problems.append(f"differs from {rs.name} at {where} ({ours[i][0]} '{first_line(ours[i][1])}'), "
                            f"its line {j + 1}: .ipynb {show(a)}, .rs {show(b)}")
        else:
            a = f"{ours[i][0]} cell '{first_line(ours[i][1])}'" if i < len(ours) else "no cell"
            b = f"{theirs[i][0]} cell '{first_line(theirs[i][1])}'" if i < len(theirs) else "no cell"
            problems.append(f"differs from {rs.name} at {where}: the .ipynb has {a}, the .rs has {b}")
    executed = sum(1 for c in nb.cells if c.cell_type == "code" and (c.outputs or c.execution_count is not None))
    if executed:
        problems.append(f"{executed} code cells hold outputs or execution counts (notebooks are committed "
                        f"without them: scripts/nbtool.py strip {shown(ipynb)})")
    return problems


def cmd_sync(args):
    check = "--check" in args
    require_jupytext()
    pairs = notebook_pairs([a for a in args if a != "--check"])
    # validate every file first, so that a bad one stops the run before anything is written
    errors = []
    for ipynb, rs in pairs:
        if ipynb.exists():
            errors += validate_ipynb(ipynb)
        if rs.exists():
            errors += validate_rs(rs)
    if errors:
        for error in errors:
            print(error, file=sys.stderr)
        print(f"{PROG} sync: nothing {'checked' if check else 'written'}: fix the file(s) above first", file=sys.stderr)
        return 1
    if check:
        stale = 0
        for ipynb, rs in pairs:
            problems = pair_differences(ipynb, rs)
            for problem in problems:
                print(f"{shown(ipynb)}: {problem}")
            if not problems:
                print(f"{shown(ipynb)}: in sync with {rs.name}, no outputs")
            stale += bool(problems)
        if stale:
            print(f"{stale} notebook(s) out of sync: run scripts/build-notebooks (the newer of .ipynb and .rs wins)")
            return 1
        return 0
    from jupytext.cli import jupytext as jupytext_cli
    before = {p: p.read_bytes() if p.exists() else None for pair in pairs for p in pair}
    targets = [str(ipynb if ipynb.exists() else rs) for ipynb, rs in pairs]
    try:   # `jupytext --sync --quiet TARGETS...`, in this process (importing jupytext takes seconds)
        code = jupytext_cli(["--sync", "--quiet", *targets]) or 0
    except Exception as err:  # noqa: BLE001 - reported with its type, like the CLI would
        print(f"{PROG} sync: jupytext --sync failed: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
    if code:
        print(f"{PROG} sync: jupytext --sync failed (exit {code})", file=sys.stderr)
        return code
    for ipynb, rs in pairs:
        changed = [p for p in (ipynb, rs) if before[p] != (p.read_bytes() if p.exists() else None)]
        if not changed:
            print(f"{shown(ipynb)}: in sync with {rs.name}")
        for p in changed:
            other = rs if p == ipynb else ipynb
            verb = "created" if before[p] is None else "updated"
            print(f"{shown(p)}: {verb} from {other.name}")
    return 0


def render(nb):
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


# A cell whose value printed as `()` or as a struct's Debug text (`Figure { title: ..`,
# `Table { ..`, `KMeansResult { ..`) rendered nothing useful: its value has no
# rich display, or the cell ended in a statement.
DEBUG_DUMP = re.compile(r"^(\(\)|[A-Z][A-Za-z0-9_]*(<[^>]*>)? \{)")


def problems(path):
    nb = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        first = "".join(cell.get("source", [])).splitlines()[:1]
        label = f"cell {index} ({first[0][:60] if first else 'empty'})"
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"{label}: {out.get('ename', '')}: {out.get('evalue', '')[:300]}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                text = "".join(out.get("text", ""))
                if text.strip():
                    found.append(f"{label}: stderr: {text.strip()[:300]}")
            elif out.get("output_type") == "stream":
                text = "".join(out.get("text", ""))
                if "panicked at" in text:
                    found.append(f"{label}: panic: {text.strip()[:300]}")
            elif out.get("output_type") in ("execute_result", "display_data"):
                plain = "".join(out.get("data", {}).get("text/plain", ""))
                if DEBUG_DUMP.match(plain.strip()):
                    found.append(f"{label}: unrendered value (a Debug dump, not a table or chart): {plain.strip()[:120]}")
    return found


def cmd_scan(paths):
    failed = 0
    for path in paths:
        issues = problems(path)
        for issue in issues:
            print(f"{path}: {issue}")
        failed += bool(issues)
        if not issues:
            print(f"{path}: ok (no error outputs, no stderr)")
    return 1 if failed else 0


def cmd_execute(args):
    """Runs a notebook cell by cell (nbclient, the engine behind nbconvert --execute)
    and prints `cell 41/93 R-61: random forest ... 5.6 s` as each code cell finishes."""
    import time
    import nbformat
    from nbclient import NotebookClient
    if len(args) != 2:
        usage_error("execute needs NOTEBOOK and OUT", f"usage: {PROG} execute NOTEBOOK OUT")
    source, target = pathlib.Path(args[0]).resolve(), pathlib.Path(args[1])
    nb = nbformat.read(source, as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    started = {}

    def on_start(cell, cell_index, **_):
        started[cell_index] = time.monotonic()

    def on_executed(cell, cell_index, **_):
        first = next((l for l in cell.source.splitlines() if l.strip()), "")
        label = first.lstrip("/ ").strip()[:70]
        seconds = time.monotonic() - started.get(cell_index, time.monotonic())
        print(f"  cell {code.index(cell_index) + 1}/{len(code)} {label} {seconds:.1f} s", flush=True)

    client = NotebookClient(nb, timeout=3600, kernel_name="rust", allow_errors=True,
                            resources={"metadata": {"path": str(source.parent)}},
                            on_cell_start=on_start, on_cell_executed=on_executed)
    client.execute()
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, target)
    return 0


def cmd_strip(paths):
    for path in paths:
        p = pathlib.Path(path)
        nb = json.loads(p.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            if cell["cell_type"] == "code":
                cell["outputs"], cell["execution_count"] = [], None
        p.write_text(render(nb), encoding="utf-8")
    return 0


def cmd_timings(paths):
    from datetime import datetime
    for path in paths:
        nb = json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
        rows = []
        for index, cell in enumerate(nb.get("cells", [])):
            timing = cell.get("metadata", {}).get("execution", {})
            start, end = timing.get("iopub.execute_input"), timing.get("shell.execute_reply")
            if cell.get("cell_type") != "code" or not start or not end:
                continue
            seconds = (datetime.fromisoformat(end.replace("Z", "+00:00"))
                       - datetime.fromisoformat(start.replace("Z", "+00:00"))).total_seconds()
            first = "".join(cell.get("source", [])).splitlines()[:1]
            rows.append((seconds, index, first[0][:70] if first else ""))
        total = sum(r[0] for r in rows)
        print(f"{path}: {len(rows)} code cells, {total:.1f} s in cells")
        for seconds, index, label in sorted(rows, reverse=True)[:8]:
            print(f"  {seconds:7.1f} s  cell {index:3d}  {label}")
    return 0


PROG = "scripts/nbtool.py"
USAGE = __doc__.splitlines()[0]
# command: (handler, synopsis, help lines, its options, takes NOTEBOOK arguments)
COMMANDS = {
    "sync": (cmd_sync, "sync [--check] [NOTEBOOK...]",
             ["validate each notebook (default: notebooks/*.ipynb) and its paired percent-format",
              ".rs, then run jupytext --sync on them (the newer side wins); a malformed file",
              "(bad cell marker, header, JSON) is named with its line and nothing is written",
              "  --check      write nothing; exit 1 naming each notebook whose .ipynb and .rs",
              "               disagree on a cell's input, or that holds outputs"],
             {"--check"}, True),
    "scan": (cmd_scan, "scan NOTEBOOK...",
             ["fail if an executed notebook holds an error output, a panic, a compile error",
              "or any stderr text (evcxr reports a failed cell only that way; nbconvert exits 0)"],
             set(), True),
    "execute": (cmd_execute, "execute NOTEBOOK OUT",
                ["run NOTEBOOK with the Rust kernel, errors kept in the outputs; print one line",
                 "per code cell as it finishes (number, first comment, seconds); write OUT"],
                set(), True),
    "strip": (cmd_strip, "strip NOTEBOOK...",
              ["remove outputs and execution counts in place"], set(), True),
    "timings": (cmd_timings, "timings NOTEBOOK...",
                ["per-cell wall time of an executed notebook (nbclient's timestamps),",
                 "slowest first, plus the total"], set(), True),
}


def usage_error(message, synopsis=USAGE):
    print(f"{PROG}: {message}", file=sys.stderr)
    print(synopsis, file=sys.stderr)
    sys.exit(2)


def main(argv):
    if not argv:
        usage_error("missing COMMAND (sync, scan, execute, strip or timings)")
    command, rest = argv[0], argv[1:]
    if command in ("-h", "--help"):
        print(__doc__, end="")
        return 0
    if command.startswith("-"):
        usage_error(f"unknown option '{command}'")
    if command not in COMMANDS:
        usage_error(f"unknown command '{command}' (sync, scan, execute, strip or timings)")
    handler, synopsis, help_lines, options, takes_paths = COMMANDS[command]
    synopsis = f"usage: {PROG} {synopsis}"
    args = []
    for i, arg in enumerate(rest):
        if arg == "--":
            positional = rest[i + 1:]
            if positional and not takes_paths:
                usage_error(f"unexpected argument '{positional[0]}'", synopsis)
            args += positional
            break
        if arg in ("-h", "--help"):
            print(synopsis)
            print("\n".join(help_lines + ["  -h, --help   print this help and exit"]))
            return 0
        if arg in options:
            args.append(arg)
        elif arg.startswith("-"):
            usage_error(f"unknown option '{arg}'", synopsis)
        elif not takes_paths:
            usage_error(f"unexpected argument '{arg}'", synopsis)
        else:
            args.append(arg)
    return handler(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

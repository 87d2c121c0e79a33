#!/usr/bin/env python3
"""usage: scripts/nbtool.py [-h] COMMAND [options] [ARGS...]
Notebook tooling for the project (stdlib only, plus nbconvert for `execute`).

  build [--check]       assemble notebooks/*.ipynb from notebooks/sections/<name>/*.rs
                        (--check: fail if a committed notebook differs from its sections)
  scan NOTEBOOK...      fail if an executed notebook holds an error output, a panic,
                        a compile error or any stderr text (evcxr reports a failed
                        cell only that way; nbconvert itself exits 0)
  execute NOTEBOOK OUT  run NOTEBOOK with the Rust kernel (errors kept in the outputs),
                        print one line per code cell as it finishes, write OUT
  strip NOTEBOOK...     remove outputs and execution counts in place
  timings NOTEBOOK...   per-cell wall time of an executed notebook (nbclient's timestamps),
                        slowest first, plus the total
  -h, --help            print this help (COMMAND --help: that command's) and exit

Section files use the percent format: `// %% [markdown]` starts a markdown
cell (its lines start with `// `), `// %%` starts a code cell.
"""
import json
import re
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SECTIONS = ROOT / "notebooks" / "sections"
KERNEL = {"display_name": "Rust (evcxr)", "language": "rust", "name": "rust"}
LANGUAGE = {"codemirror_mode": "rust", "file_extension": ".rs", "mimetype": "text/rust",
            "name": "Rust", "pygment_lexer": "rust", "version": ""}


def parse_section(path):
    cells, kind, lines = [], None, []

    def flush():
        if kind is None:
            return
        while lines and not lines[-1].strip():
            lines.pop()
        if kind == "markdown":
            text = [l[3:] if l.startswith("// ") else l[2:] if l.startswith("//") else l for l in lines]
        else:
            text = lines
        if any(t.strip() for t in text):
            cells.append((kind, "\n".join(text)))

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() == "// %% [markdown]":
            flush()
            kind, lines = "markdown", []
        elif line.strip() == "// %%":
            flush()
            kind, lines = "code", []
        elif kind is not None:
            lines.append(line)
    flush()
    return cells


def build_notebook(name):
    cells = []
    for section in sorted((SECTIONS / name).glob("*.rs")):
        for i, (kind, source) in enumerate(parse_section(section)):
            cell = {"cell_type": kind, "id": f"{section.stem[:40]}-{i}", "metadata": {},
                    "source": source.splitlines(keepends=True)}
            if kind == "code":
                cell.update(execution_count=None, outputs=[])
            cells.append(cell)
    return {"cells": cells, "metadata": {"kernelspec": KERNEL, "language_info": LANGUAGE},
            "nbformat": 4, "nbformat_minor": 5}


def render(nb):
    return json.dumps(nb, indent=1, ensure_ascii=False) + "\n"


def cmd_build(args):
    check = "--check" in args
    stale = []
    for section_dir in sorted(p for p in SECTIONS.iterdir() if p.is_dir()):
        target = ROOT / "notebooks" / f"{section_dir.name}.ipynb"
        text = render(build_notebook(section_dir.name))
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"built {target.relative_to(ROOT)}")
    if stale:
        print("out of date with notebooks/sections (run scripts/build-notebooks): " + ", ".join(stale))
        return 1
    return 0


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
    "build": (cmd_build, "build [--check]",
              ["assemble notebooks/*.ipynb from notebooks/sections/<name>/*.rs",
               "  --check      write nothing; fail if a committed notebook differs from its sections"],
              {"--check"}, False),
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
        usage_error("missing COMMAND (build, scan, execute, strip or timings)")
    command, rest = argv[0], argv[1:]
    if command in ("-h", "--help"):
        print(__doc__, end="")
        return 0
    if command.startswith("-"):
        usage_error(f"unknown option '{command}'")
    if command not in COMMANDS:
        usage_error(f"unknown command '{command}' (build, scan, execute, strip or timings)")
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

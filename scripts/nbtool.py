#!/usr/bin/env python3
"""Notebook tooling for the project (stdlib only, plus nbconvert for `execute`).

  build [--check]       assemble notebooks/*.ipynb from notebooks/sections/<name>/*.rs
                        (--check: fail if a committed notebook differs from its sections)
  scan NOTEBOOK...      fail if an executed notebook holds an error output, a panic,
                        a compile error or any stderr text (evcxr reports a failed
                        cell only that way; nbconvert itself exits 0)
  strip NOTEBOOK...     remove outputs and execution counts in place
  timings NOTEBOOK...   per-cell wall time of an executed notebook (nbclient's timestamps),
                        slowest first, plus the total

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


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print(__doc__)
        sys.exit(2)
    command, rest = sys.argv[1], sys.argv[2:]
    handlers = {"build": cmd_build, "scan": cmd_scan, "strip": cmd_strip, "timings": cmd_timings}
    if command not in handlers:
        print(__doc__)
        sys.exit(2)
    sys.exit(handlers[command](rest))

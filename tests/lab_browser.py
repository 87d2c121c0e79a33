"""JupyterLab in a real browser: starts JupyterLab headless (scripts/lab's
configuration, root dir notebooks/), opens a notebook in headless Chromium
through Playwright, runs its cells up to and including the first chart (the
first code cell that calls `charts::`), then checks that an HTML table and an
SVG chart are visible in output areas and that no error or stderr output
appeared. Saves a screenshot scrolled to the chart. Prints one line per check;
exits 1 if any failed. JupyterLab (and with it the kernel) is shut down in all
cases.

Run it through tests/lab_browser.sh, which sets up the environment
(scripts/env.sh), the venv's playwright package and the browser.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("AMAZON_SALES_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying to reach
# Google's services, which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
# Lab settings for the test only (a temporary user settings dir): never save
# the notebook (autosave would write the outputs into notebooks/ and jupytext
# would rewrite the paired .rs), keep every cell in the DOM, no news prompt.
LAB_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
}
CELLS = ".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook .jp-Cell"
ERROR_OUTPUT = (
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], '
    '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"], '
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.error"]'
)
HTML_TABLE = ".jp-OutputArea-output.jp-RenderedHTMLCommon table"
SVG_CHART = (".jp-OutputArea-output svg, .jp-OutputArea-output.jp-RenderedSVG img, "
             ".jp-OutputArea-output img[src^='data:image/svg+xml']")


def log(msg):
    print(f"lab_browser: {msg}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_chart_cell(notebook):
    """Index of the first code cell whose source calls charts::, and the cells."""
    cells = json.loads(Path(notebook).read_text(encoding="utf-8"))["cells"]
    for i, cell in enumerate(cells):
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "code" and "charts::" in source:
            return i, cells
    sys.exit(f"lab_browser: {notebook} has no code cell that calls charts::")


class Lab:
    """jupyter lab as a child process in its own process group."""

    def __init__(self, root_dir, workdir):
        self.port = free_port()
        self.token = secrets.token_hex(24)
        self.base = f"http://127.0.0.1:{self.port}"
        settings = workdir / "settings"
        for plugin, values in LAB_SETTINGS.items():
            path = settings / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        args = [
            "jupyter", "lab", "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={root_dir}",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workdir / 'workspaces'}",
        ]
        if os.geteuid() == 0:
            args.append("--ServerApp.allow_root=True")
        self.log_path = workdir / "jupyter-lab.log"
        self.log_file = open(self.log_path, "w", encoding="utf-8")
        # cwd as scripts/lab: notebooks/ (kernels start in the notebook's directory)
        self.proc = subprocess.Popen(args, cwd=root_dir, stdin=subprocess.DEVNULL,
                                     stdout=self.log_file, stderr=subprocess.STDOUT,
                                     start_new_session=True)

    def request(self, path, method="GET", timeout=5):
        req = urllib.request.Request(self.base + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()

    def wait_ready(self, timeout=180):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                if self.request("/api/status")[0] == 200:
                    return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        raise RuntimeError(f"jupyter lab did not answer within {timeout} s:\n{self.tail()}")

    def tail(self, lines=30):
        self.log_file.flush()
        return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])

    def descendants(self):
        """The server's child processes, recursively (kernels run in sessions of
        their own, so killing the server's process group does not reach them)."""
        children = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
        found, todo = [], [self.proc.pid]
        while todo:
            for child in children.get(todo.pop(), []):
                found.append(child)
                todo.append(child)
        return found

    def shutdown(self):
        """Asks the server to stop (it shuts its kernels down), then makes sure
        that the server and every process it started are gone. Returns the
        number of processes that had to be killed."""
        started = self.descendants() if self.proc.poll() is None else []
        if self.proc.poll() is None:
            try:
                self.request("/api/shutdown", method="POST", timeout=10)
            except (urllib.error.URLError, OSError):
                pass
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                pass
        killed = 0
        for pid in [self.proc.pid] + started:
            if pid != self.proc.pid and not Path(f"/proc/{pid}").exists():
                continue
            for n, sig in enumerate((signal.SIGTERM, signal.SIGKILL)):
                try:   # the process group first: a kernel's own children
                    os.killpg(pid, sig)
                except (ProcessLookupError, PermissionError):
                    try:
                        os.kill(pid, sig)
                    except ProcessLookupError:
                        break
                if n == 0 and pid != self.proc.pid:
                    killed += 1
                time.sleep(1)
        if self.proc.poll() is None:
            self.proc.wait(timeout=10)
        self.log_file.close()
        return killed


def run_in_browser(lab, notebook, stop, cells, cell_timeout_s, screenshot, workdir, check):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    name = Path(notebook).name
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(workdir / "chromium-profile"), executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS, viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
        try:
            page = context.pages[0] if context.pages else context.new_page()
            page.set_default_timeout(60_000)
            url = f"{lab.base}/lab/tree/{urllib.parse.quote(name)}?reset&token={lab.token}"
            page.goto(url, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_selector(CELLS, timeout=120_000)
            page.wait_for_function("([sel, n]) => document.querySelectorAll(sel).length >= n",
                                   arg=[CELLS, len(cells)], timeout=60_000)
            shown = page.locator(CELLS).count()
            check(f"notebook {name} opened in JupyterLab ({shown} cells)", shown == len(cells))
            # more room for the notebook: collapse the left sidebar (file browser)
            tab = page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current")
            if tab.count():
                tab.first.click()
            # the kernel (named in the notebook's metadata) must start; a missing
            # kernelspec would show a kernel-selection dialog instead
            try:
                page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=180_000)
                kernel_ok = True
            except Exception:
                kernel_ok = False
            kernel = json.loads(Path(notebook).read_text(encoding="utf-8"))["metadata"].get("kernelspec", {}).get("name")
            check(f"kernel '{kernel}' started and idle", kernel_ok)
            if not kernel_ok:
                return

            failed_at = None
            for i in range(stop + 1):
                if cells[i]["cell_type"] != "code":
                    continue
                cell = page.locator(CELLS).nth(i)
                prompt = cell.locator(".jp-InputArea-prompt")
                started = time.monotonic()
                for attempt in range(3):
                    # into the cell's editor, then Shift+Enter (run, select the next cell);
                    # the prompt turns [*] once the cell is queued, [n] when it is done.
                    # A key press lost while Lab is still settling is retried.
                    cell.scroll_into_view_if_needed()
                    cell.locator(".jp-InputArea-editor").click()
                    page.keyboard.press("Shift+Enter")
                    try:
                        page.wait_for_function(
                            "el => !/^\\[ \\]/.test(el.textContent.trim())", arg=prompt.element_handle(),
                            timeout=10_000)
                        break
                    except PlaywrightTimeout:
                        log(f"cell {i}: Shift+Enter did not start it (attempt {attempt + 1})")
                else:
                    raise RuntimeError(f"cell {i} could not be started with Shift+Enter")
                page.wait_for_function(
                    """([sel, i]) => {
                        const cell = document.querySelectorAll(sel)[i];
                        const prompt = cell && cell.querySelector('.jp-InputArea-prompt');
                        return prompt && /\\[\\d+\\]/.test(prompt.textContent);
                    }""", arg=[CELLS, i], timeout=cell_timeout_s * 1000, polling=1000)
                first_line = "".join(cells[i]["source"]).splitlines()[0][:70]
                log(f"cell {i} done in {time.monotonic() - started:.1f} s: {first_line}")
                if cell.locator(ERROR_OUTPUT).count():
                    failed_at = i
                    log(f"cell {i} produced an error output:\n{cell.locator(ERROR_OUTPUT).first.inner_text()[:2000]}")
                    break

            notebook_el = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
            tables = notebook_el.locator(HTML_TABLE)
            check(f"an HTML table is visible in an output area ({tables.count()} tables)",
                  tables.count() > 0 and tables.first.is_visible())
            chart_cell = page.locator(CELLS).nth(stop)
            charts = chart_cell.locator(SVG_CHART)
            check(f"an SVG chart is visible in the output of cell {stop} ({charts.count()} SVG elements)",
                  charts.count() > 0 and charts.first.is_visible())
            errors = notebook_el.locator(ERROR_OUTPUT).count()
            check(f"no error or stderr output ({errors} found"
                  + (f", cell {failed_at} failed" if failed_at is not None else "") + ")",
                  errors == 0 and failed_at is None)

            # the chart cell's output at the bottom of the view, the cells before it above
            target = charts.first if charts.count() else chart_cell
            target.evaluate("el => el.scrollIntoView({block: 'end'})")
            page.wait_for_timeout(500)
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
            check(f"screenshot saved: {screenshot.relative_to(ROOT) if screenshot.is_relative_to(ROOT) else screenshot} "
                  f"({screenshot.stat().st_size // 1024} kB)", screenshot.stat().st_size > 0)
        except Exception:
            try:   # what the browser showed, for the log
                page.screenshot(path=str(workdir / "failure.png"))
                log(f"browser at the failure: {workdir / 'failure.png'}")
            except Exception:
                pass
            raise
        finally:
            context.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebook", default=str(ROOT / "notebooks" / "01_sales_report.ipynb"))
    parser.add_argument("--screenshot", default=str(Path(os.environ.get("AMAZON_SALES_OUT", ROOT / "out")) / "lab_notebook01.png"))
    parser.add_argument("--update-docs", action="store_true",
                        help="also copy the screenshot to docs/screenshot-notebook01.png")
    parser.add_argument("--cell-timeout", type=float, default=20 * 60, help="seconds per cell (default 1200)")
    args = parser.parse_args()

    notebook = Path(args.notebook).resolve()
    stop, cells = first_chart_cell(notebook)
    screenshot = Path(args.screenshot).resolve()
    failures = []
    checks = 0

    def check(what, ok):
        nonlocal checks
        checks += 1
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            failures.append(what)

    workdir = Path(tempfile.mkdtemp(prefix="lab-browser-"))
    # Lab checkpoints a notebook when it opens it; a checkpoint dir that this
    # run created is removed again (one that was there is left alone)
    checkpoints = notebook.parent / ".ipynb_checkpoints"
    had_checkpoints = checkpoints.exists()
    started = time.monotonic()
    lab = None
    finished = False
    try:
        log(f"starting JupyterLab on {notebook.parent} (log: {workdir / 'jupyter-lab.log'})")
        lab = Lab(notebook.parent, workdir)
        lab.wait_ready()
        check(f"JupyterLab answers on port {lab.port}", True)
        log(f"running cells 0..{stop} of {notebook.name} (code cells only; cell {stop} draws the first chart)")
        run_in_browser(lab, notebook, stop, cells, args.cell_timeout, screenshot, workdir, check)
        if args.update_docs and not failures:
            docs = ROOT / "docs" / "screenshot-notebook01.png"
            shutil.copyfile(screenshot, docs)
            log(f"copied the screenshot to {docs.relative_to(ROOT)}")
        finished = True
    except Exception as exc:  # a timeout or a crash is a failed check, not a traceback only
        check(f"no unexpected error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})", False)
        if lab is not None:
            print(f"--- last lines of the JupyterLab log ---\n{lab.tail()}", flush=True)
    finally:
        if lab is not None:
            killed = lab.shutdown()
            log("JupyterLab shut down" + (f" ({killed} leftover processes killed)" if killed else ""))
            if not had_checkpoints:
                shutil.rmtree(checkpoints, ignore_errors=True)
        if finished and not failures:
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            log(f"kept {workdir} (JupyterLab log)")
    log(f"took {time.monotonic() - started:.0f} s")
    passed = checks - len(failures)
    print(f"lab_browser: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

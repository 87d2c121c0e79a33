"""The Python side of the benchmark protocol (see benches/common/mod.rs):
`python benches/python/<name>.py <stage>` prints one BENCH JSON line."""
import json
import pathlib
import resource
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SALES = ROOT / "data" / "raw" / "Amazon Sale Report.csv.gz"
PRODUCTS = ROOT / "data" / "raw" / "amazon.csv.gz"


def run(stage, runs, work):
    times, result = [], ""
    for _ in range(max(runs, 1)):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    times.sort()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("BENCH " + json.dumps({"stage": stage, "seconds": times[len(times) // 2], "runs": len(times),
                                 "peak_rss_mb": round(peak_mb, 1), "result": str(result)}))

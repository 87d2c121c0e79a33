"""Write the reference splits to tests/fixtures/split_fixture.txt.

Run once with the pinned versions (numpy 2.1.3, scikit-learn 1.5.2):

    python benches/python/make_split_fixture.py   # writes tests/fixtures/split_fixture.txt

A plain line format (no parser library needed on the Rust side). One case per line:

    rs     SEED COUNT | d0 d1 ...                      RandomState(SEED).random_sample(COUNT), repr()
    perm   SEED N | VEC                                RandomState(SEED).permutation(N)
    tts    N TEST_SIZE SEED | VEC(train) | VEC(test)   train_test_split(np.arange(N), ...)
    strat  SEED TEST_SIZE GEN... | VEC(labels) | VEC(train) | VEC(test)
                                                       train_test_split(..., stratify=labels)

VEC = LEN CHECKSUM HEAD... / TAIL...   where CHECKSUM = sum((k+1)*v[k]) mod 2**64;
vectors of at most 1500 items are stored whole in HEAD (TAIL empty), longer ones
keep only the first and last 50 items.

Label generators (GEN), re-implemented in the Rust test:
    cop N MULT K          label[i] = 1 if (i*MULT) % N < K else 0
    mod N K               label[i] = i % K
    lcg SEED N TH MAP     x = (1103515245*x + 12345) % 2**31; r = (x >> 8) % 1000;
                          label[i] = MAP[#{t in TH : r >= t}]   (TH, MAP comma-separated)
    list L0,L1,...        the labels themselves
"""

import sys
from pathlib import Path

import numpy as np
import sklearn
from sklearn.model_selection import train_test_split

assert np.__version__ == "2.1.3", np.__version__
assert sklearn.__version__ == "1.5.2", sklearn.__version__

OUT = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "split_fixture.txt"


def enc(v):
    v = [int(x) for x in v]
    chk = sum((k + 1) * x for k, x in enumerate(v)) % 2**64
    head, tail = (v, []) if len(v) <= 1500 else (v[:50], v[-50:])
    return f"{len(v)} {chk} {' '.join(map(str, head))} / {' '.join(map(str, tail))}".replace("  ", " ")


def gen(spec):
    kind, *args = spec.split()
    if kind == "cop":
        n, mult, k = map(int, args)
        return [1 if (i * mult) % n < k else 0 for i in range(n)]
    if kind == "mod":
        n, k = map(int, args)
        return [i % k for i in range(n)]
    if kind == "lcg":
        x, n = int(args[0]), int(args[1])
        th = [int(t) for t in args[2].split(",")]
        mp = [int(t) for t in args[3].split(",")]
        out = []
        for _ in range(n):
            x = (1103515245 * x + 12345) % 2**31
            r = (x >> 8) % 1000
            out.append(mp[sum(r >= t for t in th)])
        return out
    if kind == "list":
        return [int(t) for t in args[0].split(",")]
    raise ValueError(kind)


lines = []
for seed in [0, 1, 42, 123, 2**32 - 1]:
    d = np.random.RandomState(seed).random_sample(20)
    lines.append(f"rs {seed} 20 | " + " ".join(repr(float(x)) for x in d))

for seed in [0, 1, 42, 123, 2**32 - 1]:
    for n in [0, 1, 2, 3, 10, 100, 1000, 1394, 216084]:
        lines.append(f"perm {seed} {n} | {enc(np.random.RandomState(seed).permutation(n))}")

for n, ts, seed in [
    (1394, 0.2, 42), (1465, 0.25, 0), (10, 0.3, 7), (2, 0.5, 1), (100, 0.1, 2**32 - 1),
    (216084, 0.2, 42),
]:
    tr, te = train_test_split(np.arange(n), test_size=ts, random_state=seed)
    lines.append(f"tts {n} {ts!r} {seed} | {enc(tr)} | {enc(te)}")

for seed, ts, spec in [
    (42, 0.2, "cop 1394 7919 1045"),
    (0, 0.35, "mod 20 4"),
    (5, 0.3, "mod 23 5"),
    (2**32 - 1, 0.1, "mod 30 3"),
    (1, 0.25, "lcg 7 1000 900,990 0,1,2"),
    (123, 0.3, "lcg 99 300 333,666 10,3,7"),
    (9, 0.5, "lcg 11 61 500,800,950,985 4,0,2,1,3"),
    (3, 0.3, "list 2,0,0,1,1,1,2,2,2,2"),
    (42, 0.2, "lcg 2024 216084 250 0,1"),
    (7, 0.25, "lcg 77 216084 500,800,900,990 0,1,2,3,4"),
]:
    y = gen(spec)
    tr, te = train_test_split(np.arange(len(y)), test_size=ts, random_state=seed, stratify=y)
    lines.append(f"strat {seed} {ts!r} {spec} | {enc(y)} | {enc(tr)} | {enc(te)}")

OUT.write_text("\n".join(lines) + "\n")
print(f"wrote {len(lines)} cases, {OUT.stat().st_size} bytes to {OUT}", file=sys.stderr)

"""scikit-learn side of benches/models.rs: the same matrices, the same settings.

Usage: python benches/python/models_bench.py [DIR]   (DIR as written by the Rust bench,
default $AMAZON_SALES_BENCH_DIR or /tmp/amazon-sales-bench). Prints `name<TAB>seconds`.
Random forest: 100 trees, max_depth 25, min_samples_split 10, max_features "sqrt",
random_state 42, once with n_jobs=1 (sklearn's default) and once with n_jobs=-1.
K-Means: k = 2..10, k-means++, random_state 42, n_init 1 and 10.
"""
import os
import sys
import time

import numpy as np
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier


def load(d, name):
    rows, cols = map(int, open(os.path.join(d, name + ".shape")).read().split())
    return np.fromfile(os.path.join(d, name + ".f64"), dtype="<f8").reshape(rows, cols)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("AMAZON_SALES_BENCH_DIR", "/tmp/amazon-sales-bench")
    x_train, x_test = load(d, "x_train"), load(d, "x_test")
    y_train, y_test = load(d, "y_train")[:, 0].astype(int), load(d, "y_test")[:, 0].astype(int)
    x_seg = load(d, "x_segments")
    for jobs in (1, -1):
        rf = RandomForestClassifier(n_estimators=100, max_depth=25, min_samples_split=10,
                                    random_state=42, n_jobs=jobs)
        t = time.perf_counter()
        rf.fit(x_train, y_train)
        fit = time.perf_counter() - t
        t = time.perf_counter()
        pred = rf.predict(x_test)
        predict = time.perf_counter() - t
        print(f"sklearn_rf_fit_jobs{jobs}\t{fit:.3f}")
        print(f"sklearn_rf_predict_jobs{jobs}\t{predict:.3f}")
        print(f"sklearn_rf_accuracy_jobs{jobs}\t{(pred == y_test).mean():.5f}")
    for n_init in (1, 10):
        t = time.perf_counter()
        for k in range(2, 11):
            KMeans(n_clusters=k, init="k-means++", n_init=n_init, random_state=42).fit(x_seg)
        print(f"sklearn_kmeans_k2_10_runs{n_init}\t{time.perf_counter() - t:.3f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()

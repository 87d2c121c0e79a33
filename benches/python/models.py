"""scikit-learn side of benches/models.rs, on the matrices that the Rust stage of the
same name has just written to $AMAZON_SALES_BENCH_DIR (default /tmp/amazon-sales-bench).

rf_fit_predict: RandomForestClassifier(100 trees, max_depth 25, min_samples_split 10,
max_features "sqrt", random_state 42, n_jobs=-1: all cores, as Rust's rayon), fit + predict.
kmeans_k2_10: KMeans k = 2..10, k-means++, n_init 10, random_state 42 (R-77).
"""
import os
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.ensemble import RandomForestClassifier

from common import run

DIR = os.environ.get("AMAZON_SALES_BENCH_DIR", "/tmp/amazon-sales-bench")


def load(name):
    rows, cols = map(int, open(os.path.join(DIR, name + ".shape")).read().split())
    return np.fromfile(os.path.join(DIR, name + ".f64"), dtype="<f8").reshape(rows, cols)


def rf_fit_predict():
    x_train, x_test = load("x_train"), load("x_test")
    y_train, y_test = load("y_train")[:, 0].astype(int), load("y_test")[:, 0].astype(int)

    def work():
        rf = RandomForestClassifier(n_estimators=100, max_depth=25, min_samples_split=10,
                                    max_features="sqrt", random_state=42, n_jobs=-1)
        pred = rf.fit(x_train, y_train).predict(x_test)
        return f"{len(x_test)} test rows, accuracy {(pred == y_test).mean():.3f}"
    return work


def kmeans_k2_10():
    x = load("x_segments")

    def work():
        for k in range(2, 11):
            KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=42).fit(x)
        return f"9 fits on {x.shape[0]}x{x.shape[1]}"
    return work


if __name__ == "__main__":
    stage = sys.argv[1]
    if stage not in ("rf_fit_predict", "kmeans_k2_10"):
        raise SystemExit(f"unknown stage {stage}")
    run(stage, 1, globals()[stage]())

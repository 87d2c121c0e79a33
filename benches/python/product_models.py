"""scikit-learn reference for benches/product_models.rs (product notebook §6-9).

The text is cleaned as the Rust loader does (P-34 rules, NLTK's English stop
list as copied into src/data/text.rs, the same regular-plural lemmatiser),
since nltk is not in the reference environment.

Stages: text_kmeans (TF-IDF 1000 -> TruncatedSVD 300 -> K-Means sweep k=2..10
with silhouette), ann_train (scikit-learn MLPRegressor 128-64-32 as the
stand-in for the Keras ANN, P-64 inputs), and `reference`, which prints the
figures the Rust tests compare with.
"""
import json
import warnings
import re
import sys

import numpy as np
import pandas as pd
from sklearn.cluster import AgglomerativeClustering, KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LinearRegression
from sklearn.metrics import davies_bouldin_score, r2_score, silhouette_score
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPRegressor
from sklearn.preprocessing import StandardScaler

from common import PRODUCTS, run

warnings.filterwarnings("ignore")  # MLPRegressor warns that 50 epochs did not converge

STOP_WORDS = frozenset(['i', 'me', 'my', 'myself', 'we', 'our', 'ours', 'ourselves', 'you', "you're", "you've", "you'll", "you'd", 'your', 'yours', 'yourself', 'yourselves', 'he', 'him', 'his', 'himself', 'she', "she's", 'her', 'hers', 'herself', 'it', "it's", 'its', 'itself', 'they', 'them', 'their', 'theirs', 'themselves', 'what', 'which', 'who', 'whom', 'this', 'that', "that'll", 'these', 'those', 'am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'have', 'has', 'had', 'having', 'do', 'does', 'did', 'doing', 'a', 'an', 'the', 'and', 'but', 'if', 'or', 'because', 'as', 'until', 'while', 'of', 'at', 'by', 'for', 'with', 'about', 'against', 'between', 'into', 'through', 'during', 'before', 'after', 'above', 'below', 'to', 'from', 'up', 'down', 'in', 'out', 'on', 'off', 'over', 'under', 'again', 'further', 'then', 'once', 'here', 'there', 'when', 'where', 'why', 'how', 'all', 'any', 'both', 'each', 'few', 'more', 'most', 'other', 'some', 'such', 'no', 'nor', 'not', 'only', 'own', 'same', 'so', 'than', 'too', 'very', 's', 't', 'can', 'will', 'just', 'don', "don't", 'should', "should've", 'now', 'd', 'll', 'm', 'o', 're', 've', 'y', 'ain', 'aren', "aren't", 'couldn', "couldn't", 'didn', "didn't", 'doesn', "doesn't", 'hadn', "hadn't", 'hasn', "hasn't", 'haven', "haven't", 'isn', "isn't", 'ma', 'mightn', "mightn't", 'mustn', "mustn't", 'needn', "needn't", 'shan', "shan't", 'shouldn', "shouldn't", 'wasn', "wasn't", 'weren', "weren't", 'won', "won't", 'wouldn', "wouldn't"])


def clean_text(raw):
    """P-34 as src/data/text.rs::clean_text."""
    out = []
    for token in raw.lower().split():
        if token.startswith("http") or token.startswith("www"):
            continue
        token = re.sub(r"&+", " and ", token)
        out.append(re.sub(r"[^a-z0-9]", " ", token))
    words = " ".join(out).split()
    kept, i = [], 0
    frag = ["m", "media", "amazon", "com", "images"]
    while i < len(words):
        if words[i:i + 5] == frag:
            i += 5
            while i < len(words) and (words[i] == "i" or len(words[i]) >= 8 or words[i] == "jpg"):
                i += 1
            continue
        kept.append(words[i])
        i += 1
    return " ".join(kept)


def lemmatise(w):
    n = len(w)
    if n > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("sses") or (n > 4 and (w.endswith("xes") or w.endswith("ches") or w.endswith("shes"))):
        return w[:-2]
    if n > 3 and w.endswith("s") and not w.endswith("ss") and not w.endswith("us") and not w.endswith("is"):
        return w[:-1]
    return w


def normalise(cleaned):
    """P-35 as src/data/text.rs::normalise_tokens."""
    return " ".join(lemmatise(t) for t in cleaned.split() if t.isascii() and t.isalpha() and t not in STOP_WORDS)


def products():
    """Cleaned, trimmed product frame (P-18..P-59) with the original's rating (median 4.1 for '|')."""
    df = pd.read_csv(PRODUCTS)
    for c in ["discounted_price", "actual_price"]:
        df[c] = pd.to_numeric(df[c].str.replace("₹", "").str.replace(",", ""), errors="coerce")
    df["discount_percentage"] = pd.to_numeric(df["discount_percentage"].str.replace("%", ""), errors="coerce") / 100
    df["rating"] = pd.to_numeric(df["rating"], errors="coerce")
    df["rating"] = df["rating"].fillna(df["rating"].median())
    df["rating_count"] = pd.to_numeric(df["rating_count"].str.replace(",", ""), errors="coerce")
    df["main_category"] = df["category"].str.split("|").str[0].str.replace("&", " and ")
    df["about_product_clean"] = df["about_product"].map(lambda s: normalise(clean_text(s)))
    df = df[df["discounted_price"] <= df["discounted_price"].quantile(0.95)].reset_index(drop=True)
    df["rating_count"] = df["rating_count"].fillna(df["rating_count"].median())
    return df


def space(df):
    z = StandardScaler().fit_transform(df[["discounted_price", "actual_price", "rating"]])
    tfidf = TfidfVectorizer(max_features=1000).fit_transform(df["about_product_clean"])
    svd = TruncatedSVD(n_components=300, random_state=42)
    text = svd.fit_transform(tfidf)
    x = np.hstack([10 * z[:, [0]], 10 * z[:, [2]], text])
    return x, z, svd.explained_variance_ratio_.sum()


def price_inputs(df):
    dummies = pd.get_dummies(df["main_category"], prefix="cat").astype(float)
    x = pd.concat([df[["actual_price", "discount_percentage", "rating", "rating_count"]], dummies], axis=1)
    x_tr, x_te, y_tr, y_te = train_test_split(x, df["discounted_price"], test_size=0.2, random_state=42)
    num = ["actual_price", "discount_percentage", "rating", "rating_count"]
    sc = StandardScaler().fit(x_tr[num])
    x_tr, x_te = x_tr.copy(), x_te.copy()
    x_tr[num], x_te[num] = sc.transform(x_tr[num]), sc.transform(x_te[num])
    return x_tr.values, x_te.values, y_tr.values, y_te.values


def text_kmeans(df):
    def work():
        x, _, ev = space(df)
        for k in range(2, 11):
            km = KMeans(n_clusters=k, n_init=10, random_state=42).fit(x)
            silhouette_score(x, km.labels_)
        return f"{x.shape[0]}x{x.shape[1]}, 9 k"
    return work


ANN_EPOCHS = 50


def ann_train(df):
    x_tr, x_te, y_tr, y_te = price_inputs(df)

    def work():
        # 50 epochs, no early stopping (n_iter_no_change > max_iter), as the Rust side
        m = MLPRegressor(hidden_layer_sizes=(128, 64, 32), batch_size=32, max_iter=ANN_EPOCHS,
                         n_iter_no_change=ANN_EPOCHS + 1, random_state=42).fit(x_tr, y_tr)
        return f"{len(x_tr)} train rows, {m.n_iter_} epochs"
    return work


def reference(df):
    x, z, ev = space(df)
    out = {"rows": len(df), "z_row0": z[0].round(6).tolist(), "explained_variance": round(float(ev), 4)}
    tfidf = TfidfVectorizer(max_features=1000).fit(df["about_product_clean"])
    vocab = tfidf.get_feature_names_out()
    out["vocab_first"] = vocab[:5].tolist()
    sweep = []
    for k in range(2, 11):
        km = KMeans(n_clusters=k, n_init=10, random_state=42).fit(x)
        sweep.append((k, round(km.inertia_), round(float(silhouette_score(x, km.labels_)), 4)))
        if k == 3:
            out["kmeans3"] = {"silhouette": round(float(silhouette_score(x, km.labels_)), 4),
                              "db": round(float(davies_bouldin_score(x, km.labels_)), 4),
                              "sizes": sorted(np.bincount(km.labels_).tolist(), reverse=True)}
    out["sweep"] = sweep
    ag = AgglomerativeClustering(n_clusters=3, linkage="ward").fit(x)
    out["ward3"] = {"silhouette": round(float(silhouette_score(x, ag.labels_)), 4),
                    "db": round(float(davies_bouldin_score(x, ag.labels_)), 4),
                    "sizes": sorted(np.bincount(ag.labels_).tolist(), reverse=True)}
    x_tr, x_te, y_tr, y_te = price_inputs(df)
    out["linear_r2"] = round(r2_score(y_te, LinearRegression().fit(x_tr, y_tr).predict(x_te)), 4)
    formula = df["actual_price"] * (1 - df["discount_percentage"])
    out["formula_r2_all"] = round(r2_score(df["discounted_price"], formula), 4)
    out["label_high"] = int((df["rating"] >= 4.0).sum())
    print(json.dumps(out))


if __name__ == "__main__":
    stage = sys.argv[1]
    frame = products()
    if stage == "reference":
        reference(frame)
    elif stage == "text_kmeans":
        run(stage, 3, text_kmeans(frame))
    elif stage == "ann_train":
        run(stage, 3, ann_train(frame))
    else:
        raise SystemExit(f"unknown stage {stage}")

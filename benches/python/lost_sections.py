"""Python reference for benches/lost_sections.rs (product notebook §11-12 and
the sales market basket).

Stages: apriori_products and apriori_orders (mlxtend 0.23.3 apriori +
association_rules on the same transactions as the Rust side), and cnn_epoch:
one epoch of the same CNN (Embedding 10k x 100 -> Conv1D 128 x 5 -> global
max-pool -> dropout 0.5 -> Dense 64 -> sigmoid, weighted BCE, Adam 1e-3,
batch 32) written in plain numpy, since no deep-learning framework is in the
reference stack. Text is cleaned as the Rust loader does (product_models.py).
"""
import sys
from collections import Counter

import numpy as np
import pandas as pd
from mlxtend.frequent_patterns import apriori, association_rules
from mlxtend.preprocessing import TransactionEncoder
from sklearn.model_selection import train_test_split

from common import PRODUCTS, SALES, run
from product_models import clean_text, normalise


def products():
    df = pd.read_csv(PRODUCTS)
    for c in ["discounted_price", "actual_price"]:
        df[c] = pd.to_numeric(df[c].str.replace("₹", "").str.replace(",", ""), errors="coerce")
    df["discount_percentage"] = pd.to_numeric(df["discount_percentage"].str.replace("%", ""), errors="coerce") / 100
    df["rating"] = pd.to_numeric(df["rating"].str.replace("|", "3.9"), errors="coerce")
    df["rating_count"] = pd.to_numeric(df["rating_count"].str.replace(",", ""), errors="coerce")
    df["main_category"] = df["category"].str.split("|").str[0]
    return df


def product_rules(df):
    rc = df.rating_count.fillna(df.rating_count.median())
    p1, p2 = df.actual_price.quantile(1 / 3), df.actual_price.quantile(2 / 3)
    c1, c2 = rc.quantile(1 / 3), rc.quantile(2 / 3)
    d = df.discount_percentage
    items = pd.DataFrame({
        "Low price": df.actual_price <= p1, "Mid price": (df.actual_price > p1) & (df.actual_price <= p2),
        "High price": df.actual_price > p2, "Low discount": d < 0.30, "Mid discount": (d >= 0.30) & (d < 0.50),
        "Deep discount": d >= 0.50, "High rating": df.rating >= 4.0, "Low rating": df.rating < 4.0,
        "Few reviews": rc <= c1, "Some reviews": (rc > c1) & (rc <= c2), "Many reviews": rc > c2})
    for c in df.main_category.unique():
        items[c] = df.main_category == c
    sets = apriori(items, min_support=0.05, max_len=4, use_colnames=True)
    rules = association_rules(sets, len(items), metric="confidence", min_threshold=0.6)
    return f"{len(sets)} itemsets, {len(rules)} rules"


def order_rules(sales):
    lines = sales.groupby("Order ID")["Style"]
    sizes = lines.size()
    multi = sales[sales["Order ID"].isin(sizes[sizes > 1].index)]
    baskets = multi.groupby("Order ID")["Style"].apply(lambda s: sorted(set(s.astype(str)))).tolist()
    te = TransactionEncoder()
    onehot = pd.DataFrame(te.fit(baskets).transform(baskets), columns=te.columns_)
    sets = apriori(onehot, min_support=0.003, max_len=4, use_colnames=True)
    rules = association_rules(sets, len(onehot), metric="confidence", min_threshold=0.2)
    return f"{len(baskets)} baskets, {len(sets)} itemsets, {len(rules)} rules"


def documents(df):
    title = df.review_title.fillna("").map(lambda s: normalise(clean_text(s)))
    content = df.review_content.fillna("").map(lambda s: normalise(clean_text(s)))
    docs = (title + " " + content).str.strip().tolist()
    return docs, (df.rating < 4.0).astype(int).values


def glorot(rng, shape, fan_in, fan_out):
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, shape).astype(np.float32)


def cnn_epoch(docs, y, seq_len=300, vocab_size=10_000, dim=100, filters=128, kernel=5, dense=64, batch=32):
    idx = np.arange(len(docs))
    train, test = train_test_split(idx, test_size=0.2, stratify=y, random_state=42)
    fit, val = train_test_split(train, test_size=0.2, stratify=y[train], random_state=43)
    counts = Counter(t for i in fit for t in docs[i].split())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: vocab_size - 2]
    ids = {t: i + 2 for i, (t, _) in enumerate(ranked)}
    vocab = len(ids) + 2

    def encode(rows):
        x = np.zeros((len(rows), seq_len), np.int64)
        for r, i in enumerate(rows):
            toks = [ids.get(t, 1) for t in docs[i].split()[:seq_len]]
            x[r, : len(toks)] = toks
        return x

    x_fit, x_val, x_test = encode(fit), encode(val), encode(test)
    y_fit = y[fit].astype(np.float32)
    w = len(y_fit) / (2 * np.bincount(y[fit]))
    rng = np.random.default_rng(42)
    params = {
        "emb": glorot(rng, (vocab, dim), dim, vocab),
        "wc": glorot(rng, (kernel * dim, filters), kernel * dim, filters), "bc": np.zeros(filters, np.float32),
        "w1": glorot(rng, (filters, dense), filters, dense), "b1": np.zeros(dense, np.float32),
        "w2": glorot(rng, (dense, 1), dense, 1), "b2": np.zeros(1, np.float32),
    }
    m = {k: np.zeros_like(v) for k, v in params.items()}
    v = {k: np.zeros_like(v) for k, v in params.items()}
    positions = seq_len - kernel + 1

    def forward(xb, train_mode):
        e = params["emb"][xb]
        win = np.concatenate([e[:, j: j + positions] for j in range(kernel)], axis=2)
        c = win @ params["wc"] + params["bc"]
        r = np.maximum(c, 0)
        arg = r.argmax(axis=1)
        pooled = r.max(axis=1)
        mask = (rng.random(pooled.shape) >= 0.5).astype(np.float32) * 2 if train_mode else 1.0
        md = pooled * mask
        h = md @ params["w1"] + params["b1"]
        hr = np.maximum(h, 0)
        z = (hr @ params["w2"] + params["b2"])[:, 0]
        return z, (e, win, c, arg, mask, md, h, hr)

    step = 0
    order = rng.permutation(len(fit))
    for start in range(0, len(order), batch):
        rows = order[start: start + batch]
        xb, yb = x_fit[rows], y_fit[rows]
        z, (e, win, c, arg, mask, md, h, hr) = forward(xb, True)
        wb = np.where(yb == 1, w[1], w[0]).astype(np.float32)
        dz = ((1 / (1 + np.exp(-z)) - yb) * wb / len(rows))[:, None]
        g = {"w2": hr.T @ dz, "b2": dz.sum(0)}
        dh = (dz @ params["w2"].T) * (h > 0)
        g["w1"], g["b1"] = md.T @ dh, dh.sum(0)
        dpool = (dh @ params["w1"].T) * mask
        dr = np.zeros_like(c)
        b_idx, f_idx = np.meshgrid(np.arange(len(rows)), np.arange(filters), indexing="ij")
        dr[b_idx, arg, f_idx] = dpool
        dc = dr * (c > 0)
        g["wc"] = win.reshape(-1, kernel * dim).T @ dc.reshape(-1, filters)
        g["bc"] = dc.sum((0, 1))
        dwin = dc @ params["wc"].T
        de = np.zeros_like(e)
        for j in range(kernel):
            de[:, j: j + positions] += dwin[:, :, j * dim: (j + 1) * dim]
        g["emb"] = np.zeros_like(params["emb"])
        np.add.at(g["emb"], xb, de)
        step += 1
        for k in params:
            m[k] = 0.9 * m[k] + 0.1 * g[k]
            v[k] = 0.999 * v[k] + 0.001 * g[k] ** 2
            mh, vh = m[k] / (1 - 0.9 ** step), v[k] / (1 - 0.999 ** step)
            params[k] -= (1e-3 * mh / (np.sqrt(vh) + 1e-7)).astype(np.float32)
    for x in (x_val, x_test):
        for start in range(0, len(x), 256):
            forward(x[start: start + 256], False)
    return f"{len(fit)}/{len(val)}/{len(test)} docs, 1 epoch"


def main():
    stage = sys.argv[1] if len(sys.argv) > 1 else ""
    if stage == "apriori_products":
        df = products()
        run(stage, 7, lambda: product_rules(df))
    elif stage == "apriori_orders":
        sales = pd.read_csv(SALES, low_memory=False)
        run(stage, 5, lambda: order_rules(sales))
    elif stage == "cnn_epoch":
        docs, y = documents(products())
        run(stage, 3, lambda: cnn_epoch(docs, y))
    else:
        print("stages: apriori_products apriori_orders cnn_epoch")


if __name__ == "__main__":
    main()

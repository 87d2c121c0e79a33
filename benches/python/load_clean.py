"""pandas reference for benches/load_clean.rs: the original notebooks' load and cleaning steps."""
import sys

import pandas as pd

from common import PRODUCTS, SALES, run


def sales_load_clean():
    df = pd.read_csv(SALES, low_memory=False)
    df = df.drop(columns=["index", "Unnamed: 22", "Courier Status"], errors="ignore")
    df["Date"] = pd.to_datetime(df["Date"], format="%m-%d-%y", errors="coerce")
    df["ship-postal-code"] = df["ship-postal-code"].astype("Int64").astype(str)
    df = df.loc[:, df.notna().mean() >= 0.4]
    df = df.dropna(subset=["ship-city", "ship-state", "ship-postal-code", "ship-country"])
    df["currency"] = df["currency"].fillna("INR")
    df["Amount"] = df["Amount"].fillna(0)
    df["promotion-ids"] = df["promotion-ids"].fillna("None")
    df = df.drop_duplicates()
    df["state"] = df["ship-state"].str.strip().str.upper()
    return f"{df.shape[0]}x{df.shape[1] - 1}"


def products_load_clean():
    df = pd.read_csv(PRODUCTS)
    for c in ["discounted_price", "actual_price"]:
        df[c] = pd.to_numeric(df[c].str.replace("₹", "").str.replace(",", ""), errors="coerce")
    df["discount_percentage"] = pd.to_numeric(df["discount_percentage"].str.replace("%", ""), errors="coerce") / 100
    df["rating"] = pd.to_numeric(df["rating"].replace("|", "3.9"), errors="coerce")
    df["rating_count"] = pd.to_numeric(df["rating_count"].str.replace(",", ""), errors="coerce")
    levels = df["category"].str.split("|")
    df["main_category"] = levels.str[0].str.replace("&", " and ")
    df["specific_category"] = levels.str[-1].str.replace("&", " and ")
    for c in ["about_product", "review_title", "review_content"]:
        df[c + "_clean"] = (df[c].str.lower().str.replace(r"http\S+|www\S+", " ", regex=True)
                            .str.replace("&", " and ").str.replace(r"[^a-z0-9\s]", " ", regex=True)
                            .str.split().str.join(" "))
    reviews = df["review_id"].str.split(",").explode()
    return f"{len(df)} rows, {len(reviews)} reviews"


def sales_quality():
    df = pd.read_csv(SALES, low_memory=False)

    def work():
        info = pd.DataFrame({"dtype": df.dtypes.astype(str), "nulls": df.isna().sum(), "distinct": df.nunique()})
        assert len(info) == df.shape[1]
        return f"{int(df.duplicated().sum())} dup rows, {df['Order ID'].nunique()} order ids"
    return work


if __name__ == "__main__":
    stage = sys.argv[1]
    if stage == "sales_quality":
        run(stage, 5, sales_quality())
    else:
        run(stage, {"sales_load_clean": 5, "products_load_clean": 7}[stage], globals()[stage])

"""statsmodels reference for benches/forecast.rs: ADF and SARIMAX fits on log1p daily revenue
(Amount x Qty per day over the cleaned sales frame, as the original's R-89)."""
import sys
import warnings

import numpy as np
import pandas as pd
from statsmodels.tsa.statespace.sarimax import SARIMAX
from statsmodels.tsa.stattools import adfuller

from common import SALES, run

warnings.filterwarnings("ignore")


def log_revenue():
    df = pd.read_csv(SALES, low_memory=False)
    df = df.drop(columns=["index", "Unnamed: 22", "Courier Status"], errors="ignore")
    df = df.loc[:, df.notna().mean() >= 0.4]
    df["Amount"] = df["Amount"].fillna(0)
    df["currency"] = df["currency"].fillna("INR")
    df = df.dropna(subset=["ship-city", "ship-state", "ship-postal-code", "ship-country"])
    df["promotion-ids"] = df["promotion-ids"].fillna("None")
    df = df.drop_duplicates()
    df["Date"] = pd.to_datetime(df["Date"], format="%m-%d-%y")
    daily = (df["Amount"] * df["Qty"]).groupby(df["Date"]).sum()
    return np.log1p(daily.values)


def fit(y):
    model = SARIMAX(y, order=(1, 0, 1), seasonal_order=(1, 1, 1, 14),
                    enforce_stationarity=False, enforce_invertibility=False)
    return f"AIC {model.fit(disp=False).aic:.2f}"


if __name__ == "__main__":
    stage = sys.argv[1]
    y = log_revenue()
    if stage == "adf_log_revenue":
        run(stage, 20, lambda: f"{adfuller(y, autolag='AIC')[0]:.3f}")
    elif stage == "sarima_fit_train":
        run(stage, 10, lambda: fit(y[:72]))
    elif stage == "sarima_fit_full":
        run(stage, 10, lambda: fit(y))

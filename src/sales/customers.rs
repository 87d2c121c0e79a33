//! "Which customers to target?": the sales report has no
//! customer id, so no customer can be segmented. What can be segmented is a
//! place: each ship postal code is summarised (orders, revenue kept, cancel
//! rate, B2B share) with a polars group-by, and the postal codes are
//! clustered with K-Means. A postal code mixes many buyers and one buyer may
//! ship to several, so the segments are places to target, not customers.

use ndarray::Array2;
use polars::prelude::*;

use crate::display::{number, percent, thousands, Table};
use crate::error::{Error, Result};
use crate::frame::f64_values;
use crate::ml::cluster::{silhouette, KMeansFit, KMeansParams};
use crate::ml::scale::{ScaleMethod, Scaler};

/// The per-postal-code frame: `ship-postal-code`, `orders`, `revenue`
/// (Amount of lines not cancelled), `cancel_rate`, `b2b_share`.
///
/// # Errors
/// [`Error::Polars`] when a column is missing.
pub fn postal_code_summary(df: &DataFrame) -> Result<DataFrame> {
    let cancelled = col("Status").eq(lit("Cancelled")).fill_null(lit(false));
    Ok(df
        .clone()
        .lazy()
        .filter(col("ship-postal-code").is_not_null())
        .group_by([col("ship-postal-code")])
        .agg([
            col("Order ID").n_unique().alias("orders"),
            col("Amount")
                .filter(cancelled.clone().not())
                .sum()
                .alias("revenue"),
            cancelled
                .cast(DataType::Float64)
                .mean()
                .alias("cancel_rate"),
            col("B2B").cast(DataType::Float64).mean().alias("b2b_share"),
        ])
        .sort(["ship-postal-code"], SortMultipleOptions::default())
        .collect()?)
}

/// K-Means segments of postal codes.
#[derive(Debug, Clone)]
pub struct PlaceSegments {
    /// The per-postal-code frame of [`postal_code_summary`].
    pub places: DataFrame,
    /// The fit on log1p(orders), log1p(revenue), cancel rate and B2B share, standardised.
    pub fit: KMeansFit,
    /// Silhouette on all postal codes.
    pub silhouette: f64,
}

impl PlaceSegments {
    /// Summarises the postal codes and clusters them into `k` segments (10 seeded starts).
    ///
    /// # Errors
    /// As [`postal_code_summary`], and [`Error::InvalidInput`] for fewer postal codes than `k`.
    pub fn fit(df: &DataFrame, k: usize, seed: u64) -> Result<Self> {
        let places = postal_code_summary(df)?;
        let columns = [
            f64_values(&places, "orders")?,
            f64_values(&places, "revenue")?,
            f64_values(&places, "cancel_rate")?,
            f64_values(&places, "b2b_share")?,
        ];
        let n = places.height();
        if n < k.max(2) {
            return Err(Error::input(
                "place segments",
                format!("{n} postal codes for k = {k}"),
            ));
        }
        let raw = Array2::from_shape_fn((n, 4), |(i, j)| {
            let v = columns[j][i];
            let v = if v.is_finite() { v } else { 0.0 };
            if j < 2 {
                v.max(0.0).ln_1p()
            } else {
                v
            }
        });
        let (_, x) = Scaler::fit_transform(ScaleMethod::Standard, raw.view())?;
        let fit = KMeansParams::new(k).n_runs(10).seed(seed).fit(x.view())?;
        let silhouette = silhouette(x.view(), fit.labels().view())?;
        Ok(PlaceSegments {
            places,
            fit,
            silhouette,
        })
    }

    /// One row per segment: postal codes, orders, revenue and its share,
    /// median orders per code, cancel rate and B2B share, largest revenue first.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the summary columns are missing.
    pub fn table(&self) -> Result<Table> {
        let orders = f64_values(&self.places, "orders")?;
        let revenue = f64_values(&self.places, "revenue")?;
        let cancel = f64_values(&self.places, "cancel_rate")?;
        let b2b = f64_values(&self.places, "b2b_share")?;
        let labels = self.fit.labels();
        let total_revenue: f64 = revenue.iter().filter(|v| v.is_finite()).sum();
        let mut rows: Vec<(f64, [String; 7])> = (0..self.fit.centroids().nrows())
            .map(|c| {
                let members: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
                let sum = |v: &[f64]| {
                    members
                        .iter()
                        .map(|&i| v[i])
                        .filter(|x| x.is_finite())
                        .sum::<f64>()
                };
                let mean = |v: &[f64]| sum(v) / members.len().max(1) as f64;
                let mut per_code: Vec<f64> = members.iter().map(|&i| orders[i]).collect();
                per_code.sort_by(f64::total_cmp);
                let median = per_code.get(per_code.len() / 2).copied().unwrap_or(0.0);
                let rev = sum(&revenue);
                (
                    rev,
                    [
                        format!("segment {}", c + 1),
                        thousands(members.len() as i64),
                        thousands(sum(&orders) as i64),
                        format!(
                            "{} ({})",
                            number(rev, 0),
                            percent(rev / total_revenue.max(f64::MIN_POSITIVE), 1)
                        ),
                        number(median, 0),
                        percent(mean(&cancel), 1),
                        percent(mean(&b2b), 1),
                    ],
                )
            })
            .collect();
        rows.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut t = Table::new(
            "Postal-code segments (a proxy: the data has no customer id)",
            [
                "segment",
                "postal codes",
                "orders",
                "revenue kept ₹ (share)",
                "median orders per code",
                "mean cancel rate",
                "mean B2B share",
            ],
        );
        for (_, row) in rows {
            t.push_row(row);
        }
        Ok(t.with_note(format!(
            "K-Means, k = {}, on log1p(orders), log1p(revenue), cancel rate and B2B share (standardised); \
             silhouette {}. A postal code is a place, not a customer: it mixes many buyers.",
            self.fit.centroids().nrows(),
            number(self.silhouette, 3)
        )))
    }
}

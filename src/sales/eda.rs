//! EDA of the sales report (R-15..R-28): cancellations by state, Amount by
//! status group, monthly revenue.

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::display::{number, thousands, Table};
#[cfg(doc)]
use crate::error::Error;
use crate::error::Result;
use crate::frame::{f64_values, str_values};
use crate::stats::quantile;

/// Number of rows with `Status == "Cancelled"` per value of `state_column`
/// (`"ship-state"` for the original's raw spellings, `"state"` for canonical names), top `n`.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing.
pub fn cancelled_by_state(
    df: &DataFrame,
    state_column: &str,
    n: usize,
) -> Result<Vec<(String, f64)>> {
    let cancelled = df
        .clone()
        .lazy()
        .filter(col("Status").eq(lit("Cancelled")))
        .select([col(state_column)])
        .collect()?;
    let counts = crate::eda::value_counts(&cancelled, state_column)?;
    Ok(crate::eda::count_pairs(&counts, state_column)?
        .into_iter()
        .take(n)
        .map(|(k, v)| (k, v as f64))
        .collect())
}

/// R-24: the status group of a raw `Status`, by case-insensitive substring, first match wins.
///
/// ```
/// use amazon_sales::sales::eda::status_group;
/// assert_eq!(status_group("Shipped - Delivered to Buyer"), "Delivered");
/// assert_eq!(status_group("Shipped - Returning to Seller"), "Returned");
/// assert_eq!(status_group("Pending - Waiting for Pick Up"), "In transit");
/// ```
pub fn status_group(status: &str) -> &'static str {
    let s = status.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if has(&["delivered to buyer"]) {
        "Delivered"
    } else if has(&["returned", "rejected", "returning"]) {
        "Returned"
    } else if has(&["damaged", "lost"]) {
        "Damaged/Lost"
    } else if has(&["cancelled"]) {
        "Cancelled"
    } else if has(&["shipped", "pending", "picked up", "out for delivery"]) {
        "In transit"
    } else {
        "Other"
    }
}

/// R-24: Amount (> 0) of each status group, in the original's order.
///
/// # Errors
/// [`Error::InvalidInput`] when Status or Amount is missing.
pub fn amount_by_status_group(df: &DataFrame) -> Result<Vec<(String, Vec<f64>)>> {
    let status = str_values(df, "Status")?;
    let amount = f64_values(df, "Amount")?;
    let order = [
        "Cancelled",
        "Delivered",
        "In transit",
        "Returned",
        "Damaged/Lost",
        "Other",
    ];
    let mut groups: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for (s, a) in status.iter().zip(&amount) {
        if let (Some(s), true) = (s, *a > 0.0) {
            let g = status_group(s);
            let i = order
                .iter()
                .position(|o| *o == g)
                .unwrap_or(order.len() - 1);
            groups.entry(i).or_default().push(*a);
        }
    }
    Ok(groups
        .into_iter()
        .map(|(i, v)| (order[i].to_string(), v))
        .collect())
}

/// Median and size of each group from [`amount_by_status_group`], as a table.
///
/// # Errors
/// [`Error::InvalidInput`] for an empty group.
pub fn group_medians(groups: &[(String, Vec<f64>)]) -> Result<Table> {
    let mut t = Table::new(
        "Amount (> 0) by status group",
        ["group", "orders", "median ₹", "mean ₹"],
    );
    for (name, values) in groups {
        let mut v = values.clone();
        let median = quantile(&mut v, 0.5)?;
        t.push_row([
            name.clone(),
            thousands(values.len() as i64),
            number(median, 2),
            number(crate::stats::mean(values), 2),
        ]);
    }
    Ok(t)
}

/// R-27: summed `Amount` per calendar month (`YYYY-MM`), all statuses as the original.
/// Set `exclude_cancelled` to leave out `Status == "Cancelled"` rows (flaw 10).
///
/// # Errors
/// [`Error::InvalidInput`] / [`Error::Polars`] when Date, Status or Amount is missing.
pub fn monthly_revenue(df: &DataFrame, exclude_cancelled: bool) -> Result<Vec<(String, f64)>> {
    let mut lines = df.clone().lazy();
    if exclude_cancelled {
        lines = lines.filter(col("Status").neq(lit("Cancelled")).fill_null(lit(true)));
    }
    let months = lines
        .filter(col("Date").is_not_null().and(col("Amount").is_not_null()))
        .group_by([
            col("Date").dt().year().alias("year"),
            col("Date").dt().month().alias("month"),
        ])
        .agg([col("Amount").sum()])
        .sort(["year", "month"], SortMultipleOptions::default())
        .collect()?;
    let years = f64_values(&months, "year")?;
    let month = f64_values(&months, "month")?;
    let amount = f64_values(&months, "Amount")?;
    Ok(years
        .iter()
        .zip(&month)
        .zip(amount)
        .map(|((y, m), a)| (format!("{:04}-{:02}", *y as i32, *m as u32), a))
        .collect())
}

/// Table of `(label, value)` pairs with a value column formatted to `decimals`.
pub fn pairs_table(
    title: &str,
    key: &str,
    value: &str,
    pairs: &[(String, f64)],
    decimals: usize,
) -> Table {
    let mut t = Table::new(title, [key, value]);
    for (k, v) in pairs {
        t.push_row([k.clone(), number(*v, decimals)]);
    }
    t
}

/// R-27 as a table: revenue per month with all statuses and without cancelled lines.
pub fn monthly_table(all: &[(String, f64)], without_cancelled: &[(String, f64)]) -> Table {
    let mut t = Table::new(
        "Revenue per month",
        ["month", "all statuses ₹", "without cancelled ₹"],
    );
    for ((m, a), (_, b)) in all.iter().zip(without_cancelled) {
        t.push_row([m.clone(), number(*a, 0), number(*b, 0)]);
    }
    t.with_note("2022-03 holds a single day (03-31); 2022-06 ends on 06-29")
}

//! Promotions against cancellation (R-124..R-126): how often each promotion
//! code appears on cancelled and on kept lines.
//!
//! **Association, not cause** (flaw 7): "None" was imputed for a missing
//! promotion-ids field, and a cancelled order may never get a promotion
//! recorded at all, so the code can be a consequence of the outcome.

use polars::prelude::DataFrame;

use crate::display::{percent, thousands, Table};
use crate::error::Result;
use crate::frame::str_values;

/// One row per promotion value (the `top` most frequent overall, long codes
/// shortened), with cancelled and kept counts and the cancellation rate.
///
/// ```
/// use amazon_sales::prelude::polars::prelude::*;
/// let df = df!("promotion-ids" => ["None", "None", "Free"], "Status" => ["Cancelled", "Shipped", "Shipped"]).unwrap();
/// let t = amazon_sales::sales::promotions::promotion_cancellation(&df, 5).unwrap();
/// assert_eq!(t.cell(0, "promotion"), Some("None"));
/// ```
///
/// # Errors
/// [`crate::Error::InvalidInput`] when "promotion-ids" or "Status" is missing.
pub fn promotion_cancellation(frame: &DataFrame, top: usize) -> Result<Table> {
    let promos = str_values(frame, "promotion-ids")?;
    let status = str_values(frame, "Status")?;
    let mut counts: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    let (mut all_cancelled, mut all_kept) = (0usize, 0usize);
    for (p, s) in promos.iter().zip(&status) {
        let key = p.clone().unwrap_or_else(|| "None".into());
        let entry = counts.entry(key).or_default();
        if s.as_deref() == Some("Cancelled") {
            entry.0 += 1;
            all_cancelled += 1;
        } else {
            entry.1 += 1;
            all_kept += 1;
        }
    }
    let mut rows: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    rows.sort_by(|a, b| {
        (b.1 .0 + b.1 .1)
            .cmp(&(a.1 .0 + a.1 .1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let mut t = Table::new(
        "Promotion codes on cancelled and kept lines",
        [
            "promotion",
            "cancelled",
            "kept",
            "cancellation rate",
            "share of all cancelled",
            "share of all kept",
        ],
    );
    for (name, (c, k)) in rows.iter().take(top) {
        let label = if name.chars().count() > 60 {
            format!("{}…", name.chars().take(59).collect::<String>())
        } else {
            name.clone()
        };
        t.push_row([
            label,
            thousands(*c as i64),
            thousands(*k as i64),
            percent(*c as f64 / (*c + *k) as f64, 1),
            percent(*c as f64 / all_cancelled.max(1) as f64, 1),
            percent(*k as f64 / all_kept.max(1) as f64, 1),
        ]);
    }
    Ok(t.with_note(format!(
        "{} cancelled and {} kept lines; association, not cause: \"None\" is an imputed missing value (flaw 7)",
        thousands(all_cancelled as i64),
        thousands(all_kept as i64)
    )))
}

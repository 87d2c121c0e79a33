//! EDA of the product list (P-41..P-59): mean rating per category and the
//! most-reviewed products, as the original computed them and de-duplicated.

use std::collections::{BTreeMap, HashMap};

use polars::prelude::*;

use crate::charts::{self, ChartSpec};
use crate::display::{number, thousands, Figure, Table};
use crate::error::Result;
use crate::frame::{f64_values, str_values};

/// The five numeric columns the original summarises.
pub const NUMERIC: [&str; 5] = [
    "discounted_price",
    "actual_price",
    "discount_percentage",
    "rating",
    "rating_count",
];

/// P-50: mean rating per main category, highest first.
///
/// # Errors
/// [`crate::Error::InvalidInput`] when a column is missing.
pub fn mean_rating_by_category(df: &DataFrame) -> Result<Vec<(String, f64)>> {
    let cats = str_values(df, "main_category")?;
    let ratings = f64_values(df, "rating")?;
    let mut acc: HashMap<String, (f64, usize)> = HashMap::new();
    for (c, r) in cats.into_iter().zip(ratings) {
        if let (Some(c), true) = (c, r.is_finite()) {
            let e = acc.entry(c).or_default();
            e.0 += r;
            e.1 += 1;
        }
    }
    let mut out: Vec<(String, f64)> = acc
        .into_iter()
        .map(|(k, (s, n))| (k, s / n as f64))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// One row of the most-reviewed table.
#[derive(Debug, Clone, PartialEq)]
pub struct Reviewed {
    /// Main category (first level of the category path).
    pub category: String,
    /// Cleaned product name.
    pub name: String,
    /// Number of ratings: summed over repeated listings in the original, the
    /// largest listing's when deduplicated.
    pub rating_count: f64,
}

/// P-53 as the original: rating_count **summed** per (main category, cleaned
/// name), top `n`. Repeated listings of one product add up (flaw 22).
///
/// # Errors
/// [`crate::Error::InvalidInput`] when a column is missing.
pub fn most_reviewed_original(df: &DataFrame, n: usize) -> Result<Vec<Reviewed>> {
    let cats = str_values(df, "main_category")?;
    let names = str_values(df, "product_name_clean")?;
    let counts = f64_values(df, "rating_count")?;
    let mut acc: HashMap<(String, String), f64> = HashMap::new();
    for ((c, nm), k) in cats.into_iter().zip(names).zip(counts) {
        if let (Some(c), Some(nm), true) = (c, nm, k.is_finite()) {
            *acc.entry((c, nm)).or_default() += k;
        }
    }
    Ok(top(
        acc.into_iter()
            .map(|((category, name), rating_count)| Reviewed {
                category,
                name,
                rating_count,
            }),
        n,
    ))
}

/// P-53 corrected: one row per product_id (its largest rating_count), top `n`.
///
/// # Errors
/// [`crate::Error::InvalidInput`] when a column is missing.
pub fn most_reviewed_dedup(df: &DataFrame, n: usize) -> Result<Vec<Reviewed>> {
    let products = best_listing_per_product(df)?;
    Ok(top(products.into_values().map(|p| p.reviewed), n))
}

/// P-53 by review pool: Amazon shows one pool of ratings for all listings
/// (colours, pack sizes, variants) of a product, so products that share
/// main category, rating and rating_count (from `min_count` ratings up, where
/// a chance tie is implausible) are one product; each pool is one row, named
/// after its first listing by name with the number of listings merged. Built
/// on [`most_reviewed_dedup`]'s one row per product_id; top `n`.
///
/// Listings whose counts differ by a few ratings (scraped minutes apart, e.g.
/// boAt Bassheads 100: 363,713 and 363,711) stay apart: a tolerance would
/// also merge unrelated products.
///
/// # Errors
/// [`crate::Error::InvalidInput`] when a column is missing.
pub fn most_reviewed_pools(df: &DataFrame, n: usize, min_count: f64) -> Result<Vec<Reviewed>> {
    let mut pools: BTreeMap<(String, String, String), Vec<Reviewed>> = BTreeMap::new();
    for (id, product) in best_listing_per_product(df)? {
        let r = &product.reviewed;
        let key = if r.rating_count >= min_count {
            let (rating, count) = (product.rating.to_string(), r.rating_count.to_string());
            (r.category.clone(), rating, count)
        } else {
            (id, String::new(), String::new())
        };
        pools.entry(key).or_default().push(product.reviewed);
    }
    let merged = pools.into_values().filter_map(|mut listings| {
        listings.sort_by(|a, b| a.name.cmp(&b.name));
        let extra = listings.len() - 1;
        let mut first = listings.into_iter().next()?;
        if extra > 0 {
            let plural = if extra > 1 { "s" } else { "" };
            first.name = format!("{} (+{extra} listing{plural})", first.name);
        }
        Some(first)
    });
    Ok(top(merged, n))
}

/// One product_id's row with the largest rating_count, and its rating.
struct BestListing {
    reviewed: Reviewed,
    rating: f64,
}

fn best_listing_per_product(df: &DataFrame) -> Result<BTreeMap<String, BestListing>> {
    let ids = str_values(df, "product_id")?;
    let cats = str_values(df, "main_category")?;
    let names = str_values(df, "product_name_clean")?;
    let ratings = f64_values(df, "rating")?;
    let counts = f64_values(df, "rating_count")?;
    let mut best: BTreeMap<String, BestListing> = BTreeMap::new();
    for i in 0..ids.len() {
        let (Some(id), true) = (&ids[i], counts[i].is_finite()) else {
            continue;
        };
        let row = BestListing {
            reviewed: Reviewed {
                category: cats[i].clone().unwrap_or_default(),
                name: names[i].clone().unwrap_or_default(),
                rating_count: counts[i],
            },
            rating: ratings[i],
        };
        match best.get(id) {
            Some(b) if b.reviewed.rating_count >= row.reviewed.rating_count => {}
            _ => {
                best.insert(id.clone(), row);
            }
        }
    }
    Ok(best)
}

fn top(rows: impl Iterator<Item = Reviewed>, n: usize) -> Vec<Reviewed> {
    let mut v: Vec<Reviewed> = rows.collect();
    v.sort_by(|a, b| {
        b.rating_count
            .total_cmp(&a.rating_count)
            .then_with(|| a.name.cmp(&b.name))
    });
    v.truncate(n);
    v
}

/// The most-reviewed rows as a table.
pub fn reviewed_table(title: &str, rows: &[Reviewed]) -> Table {
    let mut t = Table::new(title, ["main category", "product", "rating_count"]);
    for r in rows {
        t.push_row([
            r.category.clone(),
            r.name.clone(),
            thousands(r.rating_count as i64),
        ]);
    }
    t
}

/// The most-reviewed rows as horizontal bars of rating_count (P-54).
///
/// # Errors
/// [`crate::Error::InvalidInput`] for no rows; [`crate::Error::Chart`] if drawing fails.
pub fn reviewed_chart(title: &str, rows: &[Reviewed]) -> Result<Figure> {
    let bars: Vec<(String, f64)> = rows
        .iter()
        .map(|r| (r.name.clone(), r.rating_count))
        .collect();
    charts::barh(
        &ChartSpec::new(title).x("rating_count").size(900, 450),
        &bars,
    )
}

/// Mean of each numeric column per main category (for the category profile table).
///
/// # Errors
/// [`crate::Error::InvalidInput`] when a column is missing.
pub fn category_profile(df: &DataFrame) -> Result<Table> {
    let cats = str_values(df, "main_category")?;
    let cols: Vec<Vec<f64>> = NUMERIC
        .iter()
        .map(|c| f64_values(df, c))
        .collect::<Result<_>>()?;
    let mut acc: HashMap<String, (usize, Vec<(f64, usize)>)> = HashMap::new();
    for (i, c) in cats.iter().enumerate() {
        let Some(c) = c else { continue };
        let e = acc
            .entry(c.clone())
            .or_insert_with(|| (0, vec![(0.0, 0); NUMERIC.len()]));
        e.0 += 1;
        for (j, col) in cols.iter().enumerate() {
            if col[i].is_finite() {
                e.1[j].0 += col[i];
                e.1[j].1 += 1;
            }
        }
    }
    let mut rows: Vec<_> = acc.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1 .0));
    let mut header = vec!["main category".to_string(), "products".to_string()];
    header.extend(NUMERIC.iter().map(|c| format!("mean {c}")));
    let mut t = Table::new("Profile per main category", header);
    for (c, (n, sums)) in rows {
        let mut row = vec![c, thousands(n as i64)];
        row.extend(sums.iter().map(|(s, k)| number(s / (*k).max(1) as f64, 2)));
        t.push_row(row);
    }
    Ok(t)
}

//! EDA of the product list (P-41..P-59): mean rating per category and the
//! most-reviewed products, as the original computed them and de-duplicated.

use std::collections::BTreeMap;

use polars::prelude::*;

use crate::charts::{self, ChartSpec};
use crate::display::{number, thousands, Figure, Table};
use crate::eda::LargestFirst;
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

/// P-50: mean rating per main category, highest first (ties by name), as a
/// polars lazy query: `df.groupby("main_category")["rating"].mean()` sorted.
/// Rows with a missing category or rating are left out.
///
/// # Errors
/// [`crate::Error::Polars`] when a column is missing or not of the expected type.
pub fn mean_rating_by_category_frame(df: &DataFrame) -> Result<DataFrame> {
    Ok(df
        .clone()
        .lazy()
        .filter(
            col("main_category")
                .is_not_null()
                .and(col("rating").is_not_null()),
        )
        .group_by([col("main_category")])
        .agg([col("rating").cast(DataType::Float64).mean()])
        .largest_first("rating", "main_category")
        .collect()?)
}

/// [`mean_rating_by_category_frame`] as (category, mean rating) pairs, ready
/// for a bar chart.
///
/// # Errors
/// As [`mean_rating_by_category_frame`].
pub fn mean_rating_by_category(df: &DataFrame) -> Result<Vec<(String, f64)>> {
    let means = mean_rating_by_category_frame(df)?;
    let cats = str_values(&means, "main_category")?;
    let ratings = f64_values(&means, "rating")?;
    Ok(cats
        .into_iter()
        .zip(ratings)
        .map(|(c, r)| (c.unwrap_or_default(), r))
        .collect())
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
/// [`crate::Error::Polars`] when a column is missing or not of the expected type.
pub fn most_reviewed_original(df: &DataFrame, n: usize) -> Result<Vec<Reviewed>> {
    let sums = df
        .clone()
        .lazy()
        .filter(
            col("main_category")
                .is_not_null()
                .and(col("product_name_clean").is_not_null())
                .and(col("rating_count").is_not_null()),
        )
        .group_by([col("main_category"), col("product_name_clean")])
        .agg([col("rating_count").cast(DataType::Float64).sum()])
        .largest_first("rating_count", "product_name_clean")
        .limit(n as IdxSize)
        .collect()?;
    reviewed_rows(&sums)
}

/// The (main_category, product_name_clean, rating_count) rows of a frame.
fn reviewed_rows(df: &DataFrame) -> Result<Vec<Reviewed>> {
    let cats = str_values(df, "main_category")?;
    let names = str_values(df, "product_name_clean")?;
    let counts = f64_values(df, "rating_count")?;
    Ok(cats
        .into_iter()
        .zip(names)
        .zip(counts)
        .map(|((c, name), rating_count)| Reviewed {
            category: c.unwrap_or_default(),
            name: name.unwrap_or_default(),
            rating_count,
        })
        .collect())
}

/// P-53 corrected: one row per product_id (its largest rating_count), top `n`.
///
/// # Errors
/// [`crate::Error::Polars`] when a column is missing or not of the expected type.
pub fn most_reviewed_dedup(df: &DataFrame, n: usize) -> Result<Vec<Reviewed>> {
    let best = best_listing_per_product(df)?
        .lazy()
        .largest_first("rating_count", "product_name_clean")
        .limit(n as IdxSize)
        .collect()?;
    reviewed_rows(&best)
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
/// [`crate::Error::Polars`] when a column is missing or not of the expected type.
pub fn most_reviewed_pools(df: &DataFrame, n: usize, min_count: f64) -> Result<Vec<Reviewed>> {
    let best = best_listing_per_product(df)?;
    let ids = str_values(&best, "product_id")?;
    let ratings = f64_values(&best, "rating")?;
    let mut pools: BTreeMap<(String, String, String), Vec<Reviewed>> = BTreeMap::new();
    for ((id, r), rating) in ids.into_iter().zip(reviewed_rows(&best)?).zip(ratings) {
        let key = if r.rating_count >= min_count {
            (
                r.category.clone(),
                rating.to_string(),
                r.rating_count.to_string(),
            )
        } else {
            (id.unwrap_or_default(), String::new(), String::new())
        };
        pools.entry(key).or_default().push(r);
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

/// One row per product_id: its listing with the largest rating_count (the
/// first such listing on a tie), as a lazy query: a stable sort by
/// rating_count, then the first row of each product_id. Listings without a
/// rating_count are left out.
fn best_listing_per_product(df: &DataFrame) -> Result<DataFrame> {
    let columns = [
        "product_id",
        "main_category",
        "product_name_clean",
        "rating",
        "rating_count",
    ];
    Ok(df
        .clone()
        .lazy()
        .select(columns.map(col))
        .filter(
            col("product_id")
                .is_not_null()
                .and(col("rating_count").is_not_null()),
        )
        .sort(
            ["rating_count"],
            SortMultipleOptions::default()
                .with_order_descending(true)
                .with_maintain_order(true),
        )
        .group_by_stable([col("product_id")])
        .agg(
            columns[1..]
                .iter()
                .map(|c| col(*c).first())
                .collect::<Vec<_>>(),
        )
        .collect()?)
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

/// Number of products and mean of each numeric column per main category,
/// largest category first (ties by name), as a polars lazy query: pandas'
/// `df.groupby("main_category")[NUMERIC].mean()` with a count.
///
/// # Errors
/// [`crate::Error::Polars`] when a column is missing or not numeric.
pub fn category_profile_frame(df: &DataFrame) -> Result<DataFrame> {
    let mut aggs = vec![len().alias("products")];
    aggs.extend(NUMERIC.map(|c| col(c).cast(DataType::Float64).mean()));
    Ok(df
        .clone()
        .lazy()
        .filter(col("main_category").is_not_null())
        .group_by([col("main_category")])
        .agg(aggs)
        .largest_first("products", "main_category")
        .collect()?)
}

/// [`category_profile_frame`] as a table, means to two decimals.
///
/// # Errors
/// As [`category_profile_frame`].
pub fn category_profile(df: &DataFrame) -> Result<Table> {
    let profile = category_profile_frame(df)?;
    let mut header = vec!["main category".to_string(), "products".to_string()];
    header.extend(NUMERIC.iter().map(|c| format!("mean {c}")));
    let mut t = Table::new("Profile per main category", header);
    let cats = str_values(&profile, "main_category")?;
    let counts = f64_values(&profile, "products")?;
    let means: Vec<Vec<f64>> = NUMERIC
        .iter()
        .map(|c| f64_values(&profile, c))
        .collect::<Result<_>>()?;
    for (i, (c, n)) in cats.into_iter().zip(counts).enumerate() {
        let mut row = vec![c.unwrap_or_default(), thousands(n as i64)];
        row.extend(means.iter().map(|m| number(m[i], 2)));
        t.push_row(row);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listings() -> DataFrame {
        df!(
            "product_id" => ["a", "a", "b", "c", "d"],
            "main_category" => [Some("X"), Some("X"), Some("Y"), Some("Y"), None],
            "product_name_clean" => ["alpha", "alpha 2", "beta", "gamma", "delta"],
            "discounted_price" => [10.0, 20.0, 30.0, 40.0, 50.0],
            "actual_price" => [20.0, 40.0, 60.0, 80.0, 100.0],
            "discount_percentage" => [0.5, 0.5, 0.5, 0.5, 0.5],
            "rating" => [Some(4.0), Some(5.0), Some(3.0), None, Some(1.0)],
            "rating_count" => [Some(10.0), Some(10.0), Some(30.0), Some(5.0), Some(99.0)],
        )
        .unwrap()
    }

    #[test]
    fn means_and_profiles_group_by_category_and_skip_missing_values() {
        let df = listings();
        let means = mean_rating_by_category(&df).unwrap();
        assert_eq!(means, vec![("X".to_string(), 4.5), ("Y".to_string(), 3.0)]);
        let profile = category_profile_frame(&df).unwrap();
        assert_eq!(
            str_values(&profile, "main_category").unwrap()[0].as_deref(),
            Some("X")
        );
        assert_eq!(f64_values(&profile, "products").unwrap(), vec![2.0, 2.0]);
        assert_eq!(
            f64_values(&profile, "discounted_price").unwrap(),
            vec![15.0, 35.0]
        );
        assert_eq!(f64_values(&profile, "rating").unwrap(), vec![4.5, 3.0]);
    }

    #[test]
    fn rankings_sum_per_name_or_keep_the_first_largest_listing_per_product() {
        let df = listings();
        let original = most_reviewed_original(&df, 2).unwrap();
        // "delta" has no category: the original's group-by leaves it out
        assert_eq!(
            (original[0].name.as_str(), original[0].rating_count),
            ("beta", 30.0)
        );
        let dedup = most_reviewed_dedup(&df, 10).unwrap();
        let names: Vec<&str> = dedup.iter().map(|r| r.name.as_str()).collect();
        // "a" has two listings with 10 ratings: the first one is kept
        assert_eq!(names, vec!["delta", "beta", "alpha", "gamma"]);
    }
}

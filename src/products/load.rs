//! The product list (`amazon.csv`): typed loading, the review lists exploded
//! into a table of individual reviews, and the original notebook's cleaning
//! (P-16..P-40, P-59), each rule recorded in a [`CleaningReport`].

use std::path::Path;

use polars::prelude::*;

use super::text::{clean_name, clean_text, normalise_tokens, split_joined};
use crate::data::cleaning::CleaningReport;
use crate::data::csv::{is_missing_token, read_text_frame, str_values};
use crate::display::Table;
use crate::error::{Error, Result};
use crate::paths;

/// The 16 columns of the raw file.
pub const RAW_COLUMNS: [&str; 16] = [
    "product_id",
    "product_name",
    "category",
    "discounted_price",
    "actual_price",
    "discount_percentage",
    "rating",
    "rating_count",
    "about_product",
    "user_id",
    "user_name",
    "review_id",
    "review_title",
    "review_content",
    "img_link",
    "product_link",
];

/// Ratings that are not numbers in the file, replaced by the value shown on
/// amazon.in (P-22): one product has the rating "|".
pub const RATING_CORRECTIONS: [(&str, f64); 1] = [("B08L12N5H1", 3.9)];

/// The product list after loading: one row per listing plus one row per review.
#[derive(Debug, Clone)]
pub struct ProductData {
    /// One row per listing (1,465), typed.
    pub products: DataFrame,
    /// One row per individual review (11,503), with the listing's product_id.
    pub reviews: DataFrame,
}

/// The cleaned product list and the log of how it got there.
#[derive(Debug, Clone)]
pub struct CleanedProducts {
    /// Cleaned listings (1,465 rows).
    pub products: DataFrame,
    /// Individual reviews.
    pub reviews: DataFrame,
    /// Every rule applied, with counts.
    pub report: CleaningReport,
}

/// Loads the raw product list (`.csv` or `.csv.gz`): prices without "₹" and
/// thousands separators, discount as a fraction, rating as a number (with
/// [`RATING_CORRECTIONS`]), rating_count as a number (2 blanks stay null), the
/// category path split into levels, and the reviews exploded.
///
/// # Errors
/// [`Error::MissingColumn`], [`Error::Parse`] naming the column and row of a
/// bad price, discount, rating or count, plus the file errors of [`read_text_frame`].
pub fn load(path: impl AsRef<Path>) -> Result<ProductData> {
    let path = path.as_ref();
    let raw = read_text_frame(path, &RAW_COLUMNS)?;
    let ids = str_values(&raw, "product_id")?;
    let number = |column: &'static str, strip: &[char], required: bool, expected| {
        let values = str_values(&raw, column)?;
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let bad = |s: &str| Error::Parse {
                    path: path.to_path_buf(),
                    column: column.to_string(),
                    row: i + 1,
                    value: s.to_string(),
                    expected,
                };
                match v {
                    None if required => Err(bad("")),
                    None => Ok(None),
                    Some(s) if is_missing_token(s) && required => Err(bad(s)),
                    Some(s) if is_missing_token(s) => Ok(None),
                    Some(s) => {
                        let cleaned: String = s.chars().filter(|c| !strip.contains(c)).collect();
                        match cleaned.trim().parse::<f64>() {
                            Ok(x) if x.is_finite() => Ok(Some(x)),
                            _ => Err(bad(s)),
                        }
                    }
                }
            })
            .collect::<Result<Vec<Option<f64>>>>()
    };
    let discounted = number("discounted_price", &['₹', ','], true, "a price in rupees")?;
    let actual = number("actual_price", &['₹', ','], true, "a price in rupees")?;
    let discount: Vec<Option<f64>> = number("discount_percentage", &['%'], true, "a percentage")?
        .into_iter()
        .map(|d| d.map(|d| d / 100.0))
        .collect();
    let rating_count = number("rating_count", &[','], false, "a count")?;
    let rating = str_values(&raw, "rating")?
        .iter()
        .zip(&ids)
        .enumerate()
        .map(|(i, (v, id))| {
            let corrected = RATING_CORRECTIONS
                .iter()
                .find(|(pid, _)| Some(*pid) == *id)
                .map(|(_, r)| *r);
            match (v.and_then(|s| s.trim().parse::<f64>().ok()), corrected) {
                (Some(r), _) if (0.0..=5.0).contains(&r) => Ok(Some(r)),
                (_, Some(r)) => Ok(Some(r)),
                _ => Err(Error::Parse {
                    path: path.to_path_buf(),
                    column: "rating".into(),
                    row: i + 1,
                    value: v.unwrap_or("").to_string(),
                    expected: "a rating between 0 and 5",
                }),
            }
        })
        .collect::<Result<Vec<Option<f64>>>>()?;

    let categories = str_values(&raw, "category")?;
    let level = |pick: fn(&[&str]) -> Option<String>| -> Vec<Option<String>> {
        categories
            .iter()
            .map(|c| c.and_then(|c| pick(&c.split('|').collect::<Vec<_>>())))
            .collect()
    };
    let depth: Vec<Option<u32>> = categories
        .iter()
        .map(|c| c.map(|c| c.split('|').count() as u32))
        .collect();

    let mut products = raw.clone();
    for (name, values) in [
        ("discounted_price", discounted),
        ("actual_price", actual),
        ("discount_percentage", discount),
        ("rating", rating),
        ("rating_count", rating_count),
    ] {
        products.with_column(Column::new(name.into(), values))?;
    }
    products.with_column(Column::new(
        "main_category".into(),
        level(|l| l.first().map(|s| normalise_level(s))),
    ))?;
    products.with_column(Column::new(
        "sub_category".into(),
        level(|l| l.get(1).map(|s| normalise_level(s))),
    ))?;
    products.with_column(Column::new(
        "specific_category".into(),
        level(|l| l.last().map(|s| normalise_level(s))),
    ))?;
    products.with_column(Column::new("category_depth".into(), depth))?;
    let reviews = explode_reviews(&raw)?;
    Ok(ProductData { products, reviews })
}

/// The raw file as text columns, exactly as stored (for showing the quirks).
///
/// # Errors
/// The file errors of [`read_text_frame`].
pub fn load_raw_text(path: impl AsRef<Path>) -> Result<DataFrame> {
    read_text_frame(path.as_ref(), &RAW_COLUMNS)
}

/// P-4: what each raw column means.
pub fn column_dictionary() -> Table {
    let mut t = Table::new("Column dictionary: amazon.csv", ["column", "meaning"]);
    for (c, m) in [
        (
            "product_id",
            "Amazon product id (ASIN); repeats: 1,351 unique in 1,465 rows",
        ),
        ("product_name", "listing title"),
        ("category", "category path, levels separated by |"),
        (
            "discounted_price",
            "selling price, ₹ with thousands separators",
        ),
        ("actual_price", "list price, ₹"),
        (
            "discount_percentage",
            "discount from actual_price, e.g. 64%",
        ),
        ("rating", "mean star rating out of 5 (one row holds |)"),
        ("rating_count", "number of ratings (2 blanks)"),
        ("about_product", "| separated feature bullets"),
        ("user_id", "comma-joined ids of the reviewers shown"),
        ("user_name", "comma-joined reviewer names"),
        ("review_id", "comma-joined review ids (up to 8 per row)"),
        (
            "review_title",
            "comma-joined review titles (titles may contain commas)",
        ),
        ("review_content", "comma-joined review texts"),
        ("img_link", "product image URL"),
        ("product_link", "product page URL"),
    ] {
        t.push_row([c, m]);
    }
    t
}

/// One category level with "&" spelled out: `Computers&Accessories` → `Computers and Accessories`.
fn normalise_level(level: &str) -> String {
    clean_name(level)
}

/// Splits the five comma-joined review columns into one row per review.
///
/// The review ids and user ids never contain commas, so their lists fix how
/// many reviews a listing has. Titles and contents may contain commas: they
/// are split with [`split_joined`] and left null where the count does not
/// match (the `title_aligned` / `content_aligned` columns say which).
pub fn explode_reviews(raw: &DataFrame) -> Result<DataFrame> {
    let product_ids = str_values(raw, "product_id")?;
    let review_ids = str_values(raw, "review_id")?;
    let user_ids = str_values(raw, "user_id")?;
    let titles = str_values(raw, "review_title")?;
    let contents = str_values(raw, "review_content")?;
    let (mut pid, mut rid, mut uid, mut title, mut content) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for i in 0..raw.height() {
        let ids: Vec<&str> = review_ids[i]
            .map(|s| s.split(',').collect())
            .unwrap_or_default();
        let n = ids.len();
        let users: Vec<Option<String>> = match user_ids[i].map(|s| s.split(',').collect::<Vec<_>>())
        {
            Some(u) if u.len() == n => u.into_iter().map(|s| Some(s.to_string())).collect(),
            _ => vec![None; n],
        };
        let split = |col: Option<&str>| -> Vec<Option<String>> {
            match col.and_then(|s| split_joined(s, n)) {
                Some(v) => v.into_iter().map(Some).collect(),
                None => vec![None; n],
            }
        };
        let (t, c) = (split(titles[i]), split(contents[i]));
        for (j, id) in ids.iter().enumerate() {
            pid.push(product_ids[i].map(str::to_string));
            rid.push(id.to_string());
            uid.push(users[j].clone());
            title.push(t[j].clone());
            content.push(c[j].clone());
        }
    }
    Ok(DataFrame::new_infer_height(vec![
        Column::new("product_id".into(), pid),
        Column::new("review_id".into(), rid),
        Column::new("user_id".into(), uid),
        Column::new("review_title".into(), title),
        Column::new("review_content".into(), content),
    ])?)
}

/// Loads the project's product list and applies [`clean`].
///
/// # Errors
/// Any error of [`load`] or [`clean`].
pub fn load_clean() -> Result<CleanedProducts> {
    clean(load(paths::product_list())?, "amazon.csv")
}

/// The original cleaning P-18..P-39 (all 1,465 rows are kept).
///
/// # Errors
/// [`Error::Polars`] if an expected column is missing.
pub fn clean(data: ProductData, source: &str) -> Result<CleanedProducts> {
    let ProductData { products, reviews } = data;
    let mut report = CleaningReport::new(source, products.height(), RAW_COLUMNS.len());
    report.record(
        "P-18/P-20 strip ₹ , % and convert prices, discount, rating, rating_count",
        products.height(),
        RAW_COLUMNS.len(),
        products.height() * 5 - products.column("rating_count")?.null_count(),
        "numbers were stored as text with symbols; discount becomes a fraction",
    );
    report.record(
        "P-22/P-23 rating \"|\" → 3.9 (B08L12N5H1, value on amazon.in)",
        products.height(),
        RAW_COLUMNS.len(),
        RATING_CORRECTIONS.len(),
        "the original meant to do this but fixed the wrong frame (flaw 19)",
    );
    let products = add_category_levels(products, &mut report)?;
    let products = add_original_rating(products, &mut report)?;
    let products = clean_text_columns(products, &mut report)?;
    let products = check_duplicates(products, &mut report)?;
    let report_reviews = reviews.height();
    report.record(
        format!("reviews exploded: {report_reviews} individual reviews (by review_id)"),
        products.height(),
        products.width(),
        0,
        "comma-joined review lists become their own table; titles with commas are aligned by id count",
    );
    Ok(CleanedProducts {
        products,
        reviews,
        report,
    })
}

/// P-28/P-30: cleaned product name and category levels (added at load, counted here).
fn add_category_levels(products: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let names = str_values(&products, "product_name")?;
    let cleaned: Vec<Option<String>> = names.iter().map(|n| n.map(clean_name)).collect();
    let truncated = cleaned
        .iter()
        .filter(|n| n.as_deref().is_some_and(|n| n.ends_with("...")))
        .count();
    let mut products = products;
    products.with_column(Column::new("product_name_clean".into(), cleaned))?;
    report.record(
        format!("P-28/P-30 clean names ({truncated} cut to 50 chars), split category into levels"),
        products.height(),
        products.width(),
        products.height(),
        "main_category = first level, specific_category = last, \"&\" spelled \"and\"",
    );
    Ok(products)
}

/// P-38 as the original ran it: `rating_original` gives the "|" product the median (4.1).
fn add_original_rating(products: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let ids = str_values(&products, "product_id")?;
    let ratings: Vec<Option<f64>> = products.column("rating")?.f64()?.iter().collect();
    let mut others: Vec<f64> = ratings
        .iter()
        .zip(&ids)
        .filter(|(_, id)| !RATING_CORRECTIONS.iter().any(|(p, _)| Some(*p) == **id))
        .filter_map(|(r, _)| *r)
        .collect();
    let median = crate::stats::quantile(&mut others, 0.5)?;
    let original: Vec<Option<f64>> = ratings
        .iter()
        .zip(&ids)
        .map(|(r, id)| {
            if RATING_CORRECTIONS.iter().any(|(p, _)| Some(*p) == *id) {
                Some(median)
            } else {
                *r
            }
        })
        .collect();
    let mut products = products;
    products.with_column(Column::new("rating_original".into(), original))?;
    report.record(
        format!(
            "P-38 rating_original: \"|\" product gets the median {median:.1} (as the original did)"
        ),
        products.height(),
        products.width(),
        RATING_CORRECTIONS.len(),
        "kept only to reproduce the original pipeline; `rating` holds the correct 3.9",
    );
    Ok(products)
}

/// P-34/P-35: cleaned and token-normalised about_product, review_title, review_content.
fn clean_text_columns(products: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let mut products = products;
    let mut changed = 0;
    for column in ["about_product", "review_title", "review_content"] {
        let values = str_values(&products, column)?;
        let cleaned: Vec<Option<String>> = values
            .iter()
            .map(|v| v.map(|s| normalise_tokens(&clean_text(s))))
            .collect();
        changed += cleaned.iter().filter(|v| v.is_some()).count();
        products.with_column(Column::new(format!("{column}_clean").into(), cleaned))?;
    }
    report.record(
        "P-34/P-35 clean text: lower-case, no URLs/symbols, no stop words, plural → singular",
        products.height(),
        products.width(),
        changed,
        "TF-IDF and the CNN need plain tokens; lemmatisation is rule-based (no WordNet in Rust)",
    );
    Ok(products)
}

/// P-39: full-row duplicates (none); product_id repeats are counted, not dropped (flaw 22).
fn check_duplicates(products: DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    let before = products.height();
    let products = crate::data::duplicates::drop_duplicate_rows(products)?;
    let ids = products.column("product_id")?.n_unique()?;
    report.record(
        format!(
            "P-39 drop full-row duplicates ({} found); product_id has {ids} unique in {} rows, kept",
            before - products.height(),
            products.height()
        ),
        products.height(),
        products.width(),
        0,
        "repeated ids are the same product listed twice with different text (flaw 22)",
    );
    Ok(products)
}

/// Which rows of discounted_price a trim keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PriceTrim {
    /// Every row.
    None,
    /// At or below the 95th percentile: the original's P-59 (flaw 20).
    Upper,
    /// Between the 5th and the 95th percentile: the "central 90 %" the original announces.
    TwoSided,
}

impl PriceTrim {
    /// How the trim reads in a table.
    pub fn describe(self) -> &'static str {
        match self {
            PriceTrim::None => "none",
            PriceTrim::Upper => "≤ 95th percentile (original)",
            PriceTrim::TwoSided => "5th–95th percentile (two-sided)",
        }
    }
}

/// P-59: keeps rows with discounted_price at or below its 95th percentile
/// (the original calls it "the central 90 %" but trims one side, flaw 20).
///
/// # Errors
/// [`Error::Polars`] if discounted_price is missing, [`Error::InvalidInput`] if it is empty.
pub fn trim_price_outliers(products: &DataFrame, report: &mut CleaningReport) -> Result<DataFrame> {
    trim_prices(products, PriceTrim::Upper, report)
}

/// Keeps the rows of `products` that `trim` keeps (percentiles by linear
/// interpolation, as numpy's), recording the rule and the rows it drops.
///
/// # Errors
/// As [`trim_price_outliers`].
pub fn trim_prices(
    products: &DataFrame,
    trim: PriceTrim,
    report: &mut CleaningReport,
) -> Result<DataFrame> {
    let mut prices: Vec<f64> = products
        .column("discounted_price")?
        .f64()?
        .iter()
        .flatten()
        .collect();
    let high = crate::stats::quantile(&mut prices, 0.95)?;
    let low = crate::stats::quantile(&mut prices, 0.05)?;
    let price = products.column("discounted_price")?.f64()?;
    let (keep, rule, why) = match trim {
        PriceTrim::None => return Ok(products.clone()),
        PriceTrim::Upper => (
            price.lt_eq(high),
            format!("P-59 keep discounted_price ≤ 95th percentile (₹{high:.2})"),
            "one-sided trim of expensive products (the original says \"central 90 %\", flaw 20)",
        ),
        PriceTrim::TwoSided => (
            price.lt_eq(high) & price.gt_eq(low),
            format!("keep discounted_price in the 5th–95th percentile (₹{low:.2}–₹{high:.2})"),
            "two-sided trim: the central 90 % the original announces",
        ),
    };
    let trimmed = products.filter(&keep)?;
    report.record(rule, trimmed.height(), trimmed.width(), 0, why);
    Ok(trimmed)
}

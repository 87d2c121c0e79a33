//! P-62: the product model frame built from the trimmed product list
//! (1,394 rows after P-59).

use ndarray::{Array1, Array2};
use polars::prelude::DataFrame;

use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::ml::encode::{one_hot, LabelEncoder};

/// Which rating column feeds the models.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RatingSource {
    /// `rating_original`: the original notebook's values, where the "|"
    /// product got the median 4.1 (flaw 19). Use only to reproduce the original.
    Original,
    /// `rating`: the corrected values (that product is 3.9).
    Corrected,
}

impl RatingSource {
    fn column(self) -> &'static str {
        match self {
            RatingSource::Original => "rating_original",
            RatingSource::Corrected => "rating",
        }
    }
}

/// P-62's frame: the five numerics (median-filled), price_diff, price_ratio,
/// the rating label and one dummy per main category, plus the text and
/// category columns the honest variants and the clustering use.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductFrame {
    /// Price after discount (₹), the regression target.
    pub discounted_price: Array1<f64>,
    /// List price (₹).
    pub actual_price: Array1<f64>,
    /// Discount as a fraction (0.64).
    pub discount: Array1<f64>,
    /// Rating out of 5 (see [`RatingSource`]).
    pub rating: Array1<f64>,
    /// Number of ratings; the 2 blanks get the median.
    pub rating_count: Array1<f64>,
    /// actual − discounted (₹).
    pub price_diff: Array1<f64>,
    /// discounted / actual (0 when actual is 0).
    pub price_ratio: Array1<f64>,
    /// 1 when rating ≥ 4.0 ("High"), else 0 ("Low").
    pub rating_label: Array1<usize>,
    /// Main category per row.
    pub main_category: Vec<String>,
    /// Dummy column names, "cat_<main category>" in sorted order.
    pub category_columns: Vec<String>,
    /// Rows × main categories, 0/1.
    pub category_dummies: Array2<f64>,
    /// P-34/P-35 processed about_product text.
    pub about_product: Vec<String>,
    /// Which rating column was used.
    pub rating_source: RatingSource,
}

fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    Some(if v.len() % 2 == 0 {
        (v[m - 1] + v[m]) / 2.0
    } else {
        v[m]
    })
}

fn filled(df: &DataFrame, column: &str) -> Result<Array1<f64>> {
    let values = f64_values(df, column)?;
    let med = median(&values)
        .ok_or_else(|| Error::input("product model frame", format!("{column} has no value")))?;
    Ok(values
        .into_iter()
        .map(|v| if v.is_finite() { v } else { med })
        .collect())
}

impl ProductFrame {
    /// Builds the frame from the (trimmed) cleaned product list.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the frame is empty, a column is missing
    /// or a numeric column holds no value at all.
    pub fn build(products: &DataFrame, rating: RatingSource) -> Result<Self> {
        if products.height() == 0 {
            return Err(Error::input("product model frame", "no rows"));
        }
        let discounted_price = filled(products, "discounted_price")?;
        let actual_price = filled(products, "actual_price")?;
        let discount = filled(products, "discount_percentage")?;
        let rating_values = filled(products, rating.column())?;
        let rating_count = filled(products, "rating_count")?;
        let price_diff = &actual_price - &discounted_price;
        let price_ratio = discounted_price
            .iter()
            .zip(actual_price.iter())
            .map(|(d, a)| if *a == 0.0 { 0.0 } else { d / a })
            .collect();
        let rating_label = rating_values.mapv(|r| usize::from(r >= 4.0));
        let main_category: Vec<String> = str_values(products, "main_category")?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        let encoder = LabelEncoder::fit(main_category.iter());
        let (category_columns, category_dummies) = one_hot(&encoder, "cat", main_category.iter());
        let about_product = str_values(products, "about_product_clean")?
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect();
        Ok(Self {
            discounted_price,
            actual_price,
            discount,
            rating: rating_values,
            rating_count,
            price_diff,
            price_ratio,
            rating_label,
            main_category,
            category_columns,
            category_dummies,
            about_product,
            rating_source: rating,
        })
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.discounted_price.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Shape, label balance and the columns (P-62's printout).
    pub fn summary(&self) -> Table {
        let high = self.rating_label.sum();
        let columns = 8 + self.category_columns.len();
        Table::new(
            "Model frame (P-62)",
            [
                "rows",
                "columns",
                "rating ≥ 4.0 (High)",
                "rating < 4.0 (Low)",
                "dummies",
            ],
        )
        .with_row([
            self.len().to_string(),
            columns.to_string(),
            format!("{high} ({})", number(high as f64 / self.len() as f64, 4)),
            format!(
                "{} ({})",
                self.len() - high,
                number(1.0 - high as f64 / self.len() as f64, 4)
            ),
            self.category_columns.join(", "),
        ])
        .with_note(match self.rating_source {
            RatingSource::Original => {
                "Rating as in the original (the \"|\" product has the median 4.1, flaw 19)."
            }
            RatingSource::Corrected => "Corrected rating (the \"|\" product is 3.9).",
        })
    }
}

impl crate::display::AsTable for ProductFrame {
    fn as_table(&self) -> crate::display::Table {
        self.summary()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd() {
        assert_eq!(median(&[3.0, 1.0, f64::NAN, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[f64::NAN]), None);
    }
}

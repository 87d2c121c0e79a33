//! [`ProductBands`]: one transaction per product with banded items (P-X15):
//! actual-price tertiles, discount bands, rating bands, review-count tertiles
//! and the main category.

use polars::prelude::DataFrame;

use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::ml::rules::Transactions;
use crate::stats::quantile;

/// The rating items; rules with one of these as consequent answer P-X14.
pub const RATING_ITEMS: [&str; 2] = ["High rating", "Low rating"];

/// Rating at or above which a product is "High rating" (as P-69's rating_label).
pub const HIGH_RATING: f64 = 4.0;

/// Cut points of the banded items, fitted on the product table.
///
/// * price: actual_price tertiles (linear-interpolated quantiles 1/3, 2/3):
///   "Low price" ≤ first cut < "Mid price" ≤ second cut < "High price";
/// * discount: "Low discount" < 30 % ≤ "Mid discount" < 50 % ≤ "Deep discount";
/// * rating: "High rating" ≥ 4.0 > "Low rating";
/// * rating_count tertiles (missing counts take the median): "Few reviews",
///   "Some reviews", "Many reviews";
/// * the main category as its own item.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductBands {
    /// actual_price tertiles in rupees.
    pub price_cuts: [f64; 2],
    /// rating_count tertiles.
    pub count_cuts: [f64; 2],
    transactions: Transactions,
}

impl ProductBands {
    /// Bands the products (columns actual_price, discount_percentage as a
    /// fraction, `rating_column`, rating_count, main_category).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a missing column, no rows, or a missing
    /// price, discount or rating.
    pub fn fit(products: &DataFrame, rating_column: &str) -> Result<Self> {
        let price = f64_values(products, "actual_price")?;
        let discount = f64_values(products, "discount_percentage")?;
        let rating = f64_values(products, rating_column)?;
        let mut count = f64_values(products, "rating_count")?;
        let category = str_values(products, "main_category")?;
        if price.is_empty() {
            return Err(Error::input("product bands", "no products"));
        }
        if [&price, &discount, &rating]
            .iter()
            .any(|v| v.iter().any(|x| x.is_nan()))
        {
            return Err(Error::input(
                "product bands",
                "a price, discount or rating is missing",
            ));
        }
        let mut known: Vec<f64> = count.iter().copied().filter(|x| !x.is_nan()).collect();
        let median = quantile(&mut known, 0.5)?;
        count
            .iter_mut()
            .filter(|x| x.is_nan())
            .for_each(|x| *x = median);
        let price_cuts = tertiles(&price)?;
        let count_cuts = tertiles(&count)?;
        let baskets: Vec<Vec<String>> = (0..price.len())
            .map(|i| {
                let mut items = vec![
                    band(
                        price[i],
                        price_cuts,
                        ["Low price", "Mid price", "High price"],
                    ),
                    match discount[i] {
                        d if d < 0.30 => "Low discount",
                        d if d < 0.50 => "Mid discount",
                        _ => "Deep discount",
                    }
                    .to_string(),
                    if rating[i] >= HIGH_RATING {
                        RATING_ITEMS[0]
                    } else {
                        RATING_ITEMS[1]
                    }
                    .to_string(),
                    band(
                        count[i],
                        count_cuts,
                        ["Few reviews", "Some reviews", "Many reviews"],
                    ),
                ];
                if let Some(c) = &category[i] {
                    items.push(c.clone());
                }
                items
            })
            .collect();
        Ok(ProductBands {
            price_cuts,
            count_cuts,
            transactions: Transactions::new(baskets)?,
        })
    }

    /// The transactions, one per product.
    pub fn transactions(&self) -> &Transactions {
        &self.transactions
    }

    /// The band definitions with the fitted cut points.
    pub fn table(&self) -> Table {
        let [p1, p2] = self.price_cuts;
        let [c1, c2] = self.count_cuts;
        Table::new(
            "Items of each product transaction (P-X15)",
            ["attribute", "items"],
        )
        .with_row([
            "actual price (tertiles)".to_string(),
            format!(
                "Low price ≤ ₹{} < Mid price ≤ ₹{} < High price",
                number(p1, 0),
                number(p2, 0)
            ),
        ])
        .with_row([
            "discount",
            "Low discount < 30% ≤ Mid discount < 50% ≤ Deep discount",
        ])
        .with_row(["rating", "High rating ≥ 4.0 > Low rating"])
        .with_row([
            "rating count (tertiles, missing → median)".to_string(),
            format!(
                "Few reviews ≤ {} < Some reviews ≤ {} < Many reviews",
                number(c1, 0),
                number(c2, 0)
            ),
        ])
        .with_row(["main category", "one item per category"])
        .with_note(format!(
            "{} transactions (products).",
            self.transactions.len()
        ))
    }
}

fn tertiles(values: &[f64]) -> Result<[f64; 2]> {
    let mut v = values.to_vec();
    Ok([quantile(&mut v, 1.0 / 3.0)?, quantile(&mut v, 2.0 / 3.0)?])
}

fn band(x: f64, cuts: [f64; 2], names: [&str; 3]) -> String {
    let i = if x <= cuts[0] {
        0
    } else if x <= cuts[1] {
        1
    } else {
        2
    };
    names[i].to_string()
}

impl crate::display::AsTable for ProductBands {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::*;

    #[test]
    fn bands_follow_the_cut_points() {
        let df = df!(
            "actual_price" => [100.0, 1000.0, 5000.0],
            "discount_percentage" => [0.1, 0.4, 0.6],
            "rating" => [4.5, 3.9, 4.0],
            "rating_count" => [Some(10.0), None, Some(1000.0)],
            "main_category" => ["Electronics", "Home", "Electronics"],
        )
        .unwrap();
        let bands = ProductBands::fit(&df, "rating").unwrap();
        let tx = bands.transactions();
        let names = |row: usize| -> Vec<&str> {
            tx.baskets()[row]
                .iter()
                .map(|&i| tx.items()[i as usize].as_str())
                .collect()
        };
        assert!(names(0).contains(&"Low price") && names(0).contains(&"High rating"));
        assert!(names(1).contains(&"Mid discount") && names(1).contains(&"Low rating"));
        assert!(names(2).contains(&"Deep discount") && names(2).contains(&"High price"));
        // median fill: the missing count becomes 505, the middle value.
        assert!(names(1).contains(&"Some reviews"));
        assert!(bands.table().to_string().contains("tertiles"));
    }

    #[test]
    fn missing_columns_and_empty_frames_are_errors() {
        let df = df!("actual_price" => [1.0]).unwrap();
        assert!(ProductBands::fit(&df, "rating").is_err());
        let empty = df!(
            "actual_price" => Vec::<f64>::new(), "discount_percentage" => Vec::<f64>::new(),
            "rating" => Vec::<f64>::new(), "rating_count" => Vec::<f64>::new(),
            "main_category" => Vec::<String>::new(),
        )
        .unwrap();
        assert!(matches!(
            ProductBands::fit(&empty, "rating"),
            Err(Error::InvalidInput { .. })
        ));
    }
}

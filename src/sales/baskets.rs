//! [`OrderBaskets`]: one transaction per multi-line order of the sales report
//! (rows grouped by "Order ID"), with the order's distinct values of one
//! column (Category, Style or SKU) as items.

use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::DataFrame;

use crate::display::{thousands, Table};
use crate::error::{Error, Result};
use crate::frame::str_values;
use crate::ml::rules::Transactions;

/// Baskets of the orders that have more than one line.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderBaskets {
    /// The item column ("Category", "Style", "SKU").
    pub item_column: String,
    /// Distinct orders in the frame.
    pub orders: usize,
    /// Orders with more than one line (the transactions).
    pub multi_line_orders: usize,
    /// Multi-line orders holding two or more distinct items.
    pub multi_item_orders: usize,
    transactions: Transactions,
}

impl OrderBaskets {
    /// Groups the rows of `sales` by "Order ID" and keeps the orders with
    /// more than one line; each becomes a basket of its distinct
    /// `item_column` values (a null value is skipped).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a missing column or when no order has
    /// more than one line.
    pub fn from_orders(sales: &DataFrame, item_column: &str) -> Result<Self> {
        let ids = str_values(sales, "Order ID")?;
        let items = str_values(sales, item_column)?;
        let mut orders: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
        for (id, item) in ids.iter().zip(&items) {
            let Some(id) = id else { continue };
            let entry = orders.entry(id.as_str()).or_default();
            entry.0 += 1;
            if let Some(item) = item {
                entry.1.insert(item.as_str());
            }
        }
        let baskets: Vec<Vec<&str>> = orders
            .values()
            .filter(|(lines, _)| *lines > 1)
            .map(|(_, set)| set.iter().copied().collect())
            .collect();
        if baskets.is_empty() {
            return Err(Error::input(
                "order baskets",
                "no order has more than one line",
            ));
        }
        Ok(OrderBaskets {
            item_column: item_column.to_string(),
            orders: orders.len(),
            multi_line_orders: baskets.len(),
            multi_item_orders: baskets.iter().filter(|b| b.len() > 1).count(),
            transactions: Transactions::new(baskets)?,
        })
    }

    /// The transactions (multi-line orders).
    pub fn transactions(&self) -> &Transactions {
        &self.transactions
    }

    /// Orders, multi-line orders and distinct items.
    pub fn table(&self) -> Table {
        Table::new(
            format!("Order baskets over {}", self.item_column),
            ["measure", "value"],
        )
        .with_row(["orders".to_string(), thousands(self.orders as i64)])
        .with_row([
            "orders with more than one line (transactions)".to_string(),
            thousands(self.multi_line_orders as i64),
        ])
        .with_row([
            format!(
                "… of which with two or more distinct {} values",
                self.item_column
            ),
            thousands(self.multi_item_orders as i64),
        ])
        .with_row([
            format!("distinct {} values", self.item_column),
            thousands(self.transactions.items().len() as i64),
        ])
        .with_row([
            "mean items per basket".to_string(),
            format!("{:.2}", self.transactions.mean_basket_size()),
        ])
    }
}

impl crate::display::AsTable for OrderBaskets {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::*;

    #[test]
    fn keeps_multi_line_orders_with_distinct_items() {
        let df = df!(
            "Order ID" => ["a", "a", "b", "c", "c", "c"],
            "Category" => ["Set", "Set", "kurta", "Set", "kurta", "Top"],
        )
        .unwrap();
        let b = OrderBaskets::from_orders(&df, "Category").unwrap();
        assert_eq!(
            (b.orders, b.multi_line_orders, b.multi_item_orders),
            (3, 2, 1)
        );
        assert_eq!(b.transactions().len(), 2);
        assert!(b.table().to_string().contains("transactions"));
    }

    #[test]
    fn single_line_orders_only_is_an_error() {
        let df = df!("Order ID" => ["a", "b"], "Category" => ["Set", "Top"]).unwrap();
        assert!(matches!(
            OrderBaskets::from_orders(&df, "Category"),
            Err(Error::InvalidInput { .. })
        ));
        assert!(OrderBaskets::from_orders(&df, "Style").is_err());
    }
}

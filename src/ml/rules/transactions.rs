//! [`Transactions`]: baskets of named items, stored as sorted item ids.

use std::collections::BTreeSet;

use crate::error::{Error, Result};

/// A list of transactions (baskets). Items are strings; each basket keeps
/// every item once. Item ids follow the alphabetical order of the names, so
/// results do not depend on the order the baskets were given in.
#[derive(Debug, Clone, PartialEq)]
pub struct Transactions {
    items: Vec<String>,
    baskets: Vec<Vec<u32>>,
}

impl Transactions {
    /// Builds the transactions. A basket may be empty (it still counts in the
    /// denominator of every support, as in mlxtend's one-hot frame).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when there are no transactions or no items at all.
    pub fn new<I, T, S>(baskets: I) -> Result<Self>
    where
        I: IntoIterator<Item = T>,
        T: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let named: Vec<BTreeSet<String>> = baskets
            .into_iter()
            .map(|b| b.into_iter().map(|s| s.as_ref().to_string()).collect())
            .collect();
        if named.is_empty() {
            return Err(Error::input("transactions", "no transactions"));
        }
        let items: Vec<String> = named
            .iter()
            .flatten()
            .cloned()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if items.is_empty() {
            return Err(Error::input("transactions", "every transaction is empty"));
        }
        let baskets = named
            .iter()
            .map(|b| {
                b.iter()
                    .filter_map(|name| items.binary_search(name).ok().map(|i| i as u32))
                    .collect()
            })
            .collect();
        Ok(Transactions { items, baskets })
    }

    /// Number of transactions.
    pub fn len(&self) -> usize {
        self.baskets.len()
    }

    /// Always false for a constructed value (kept for clippy's `len` rule).
    pub fn is_empty(&self) -> bool {
        self.baskets.is_empty()
    }

    /// Distinct item names, in id order.
    pub fn items(&self) -> &[String] {
        &self.items
    }

    /// The baskets as sorted item ids.
    pub fn baskets(&self) -> &[Vec<u32>] {
        &self.baskets
    }

    /// Mean number of items per basket.
    pub fn mean_basket_size(&self) -> f64 {
        let total: usize = self.baskets.iter().map(Vec::len).sum();
        total as f64 / self.len() as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_sorted_and_deduplicated() {
        let tx = Transactions::new([vec!["b", "a", "b"], vec![], vec!["c"]]).unwrap();
        assert_eq!(tx.items(), ["a", "b", "c"]);
        assert_eq!(tx.baskets(), [vec![0, 1], vec![], vec![2]]);
        assert_eq!(tx.len(), 3);
        assert!((tx.mean_basket_size() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn no_transactions_or_no_items_is_an_error() {
        let none: Vec<Vec<&str>> = Vec::new();
        assert!(matches!(
            Transactions::new(none),
            Err(Error::InvalidInput { .. })
        ));
        let empty: Vec<Vec<&str>> = vec![vec![], vec![]];
        assert!(matches!(
            Transactions::new(empty),
            Err(Error::InvalidInput { .. })
        ));
    }
}

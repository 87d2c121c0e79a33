//! [`Apriori`]: level-wise frequent-itemset search with bitset support
//! counting (each itemset keeps the set of transactions that contain it).

use std::collections::{HashMap, HashSet};

use super::association::{self, RuleSet};
use super::transactions::Transactions;
use crate::error::{Error, Result};

/// Apriori parameters (mlxtend's `min_support` and `max_len`).
///
/// ```
/// use amazon_sales::ml::rules::Apriori;
/// assert!(Apriori::new().min_support(0.0).check().is_err());
/// assert!(Apriori::new().min_support(0.05).max_len(4).check().is_ok());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Apriori {
    min_support: f64,
    max_len: Option<usize>,
}

impl Default for Apriori {
    fn default() -> Self {
        Apriori::new()
    }
}

impl Apriori {
    /// mlxtend's defaults: min support 0.5, no length limit.
    pub fn new() -> Self {
        Apriori {
            min_support: 0.5,
            max_len: None,
        }
    }

    /// Minimum share of transactions an itemset must appear in, in (0, 1].
    pub fn min_support(mut self, share: f64) -> Self {
        self.min_support = share;
        self
    }

    /// Largest itemset size (≥ 1).
    pub fn max_len(mut self, items: usize) -> Self {
        self.max_len = Some(items);
        self
    }

    /// Validates the parameters.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a min support outside (0, 1] or a max length of 0.
    pub fn check(&self) -> Result<()> {
        if !(self.min_support > 0.0 && self.min_support <= 1.0) {
            return Err(Error::param(
                "min_support",
                format!("must be in (0, 1], got {}", self.min_support),
            ));
        }
        if self.max_len == Some(0) {
            return Err(Error::param("max_len", "must be at least 1"));
        }
        Ok(())
    }

    /// All itemsets whose support is at least the minimum (support ≥
    /// min_support, compared as shares like mlxtend).
    ///
    /// # Errors
    /// As [`Apriori::check`].
    pub fn fit(&self, tx: &Transactions) -> Result<FrequentItemsets> {
        self.check()?;
        let n = tx.len();
        let words = n.div_ceil(64);
        let frequent = |count: usize| count as f64 / n as f64 >= self.min_support;
        let mut columns = vec![vec![0u64; words]; tx.items().len()];
        for (row, basket) in tx.baskets().iter().enumerate() {
            for &item in basket {
                columns[item as usize][row / 64] |= 1u64 << (row % 64);
            }
        }
        let mut level: Vec<(Vec<u32>, Vec<u64>)> = columns
            .into_iter()
            .enumerate()
            .filter(|(_, bits)| frequent(popcount(bits)))
            .map(|(item, bits)| (vec![item as u32], bits))
            .collect();
        let mut found: Vec<Itemset> = Vec::new();
        let max_len = self.max_len.unwrap_or(usize::MAX);
        let mut size = 1;
        while !level.is_empty() {
            found.extend(level.iter().map(|(items, bits)| Itemset {
                items: items.clone(),
                count: popcount(bits),
            }));
            if size >= max_len {
                break;
            }
            level = next_level(&level, &frequent);
            size += 1;
        }
        Ok(FrequentItemsets::new(tx.items().to_vec(), n, found))
    }
}

/// Joins itemsets that share all but their last item, prunes candidates with
/// an infrequent subset, and keeps those whose support is high enough.
fn next_level(
    level: &[(Vec<u32>, Vec<u64>)],
    frequent: &dyn Fn(usize) -> bool,
) -> Vec<(Vec<u32>, Vec<u64>)> {
    let known: HashSet<&[u32]> = level.iter().map(|(items, _)| items.as_slice()).collect();
    let mut next = Vec::new();
    for (i, (a, bits_a)) in level.iter().enumerate() {
        let prefix = &a[..a.len() - 1];
        for (b, bits_b) in &level[i + 1..] {
            if &b[..b.len() - 1] != prefix {
                break;
            }
            let mut candidate = a.clone();
            candidate.push(b[b.len() - 1]);
            let all_subsets_frequent = (0..candidate.len() - 2).all(|drop| {
                let subset: Vec<u32> = candidate
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != drop)
                    .map(|(_, &x)| x)
                    .collect();
                known.contains(subset.as_slice())
            });
            if !all_subsets_frequent {
                continue;
            }
            let bits: Vec<u64> = bits_a.iter().zip(bits_b).map(|(x, y)| x & y).collect();
            if frequent(popcount(&bits)) {
                next.push((candidate, bits));
            }
        }
    }
    next
}

fn popcount(bits: &[u64]) -> usize {
    bits.iter().map(|w| w.count_ones() as usize).sum()
}

/// One frequent itemset: sorted item ids and the number of transactions holding it.
#[derive(Debug, Clone, PartialEq)]
pub struct Itemset {
    /// Item ids (see [`FrequentItemsets::item_name`]), ascending.
    pub items: Vec<u32>,
    /// Number of transactions that contain every item.
    pub count: usize,
}

/// The result of [`Apriori::fit`].
#[derive(Debug, Clone, PartialEq)]
pub struct FrequentItemsets {
    names: Vec<String>,
    n_transactions: usize,
    itemsets: Vec<Itemset>,
    index: HashMap<Vec<u32>, usize>,
}

impl FrequentItemsets {
    fn new(names: Vec<String>, n_transactions: usize, itemsets: Vec<Itemset>) -> Self {
        let index = itemsets
            .iter()
            .map(|s| (s.items.clone(), s.count))
            .collect();
        FrequentItemsets {
            names,
            n_transactions,
            itemsets,
            index,
        }
    }

    /// The itemsets, by size then by item ids.
    pub fn itemsets(&self) -> &[Itemset] {
        &self.itemsets
    }

    /// Number of frequent itemsets.
    pub fn len(&self) -> usize {
        self.itemsets.len()
    }

    /// True when no itemset reached the minimum support.
    pub fn is_empty(&self) -> bool {
        self.itemsets.is_empty()
    }

    /// Number of transactions the supports are shares of.
    pub fn n_transactions(&self) -> usize {
        self.n_transactions
    }

    /// Name of an item id.
    pub fn item_name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("?", String::as_str)
    }

    /// Names of an itemset's items.
    pub fn names_of(&self, items: &[u32]) -> Vec<String> {
        items
            .iter()
            .map(|&i| self.item_name(i).to_string())
            .collect()
    }

    /// Support (share of transactions) of an itemset given by sorted ids, if frequent.
    pub fn support_of(&self, items: &[u32]) -> Option<f64> {
        self.index
            .get(items)
            .map(|&c| c as f64 / self.n_transactions as f64)
    }

    /// Support of an itemset given by names (any order), if frequent.
    pub fn support_of_names(&self, names: &[&str]) -> Option<f64> {
        let mut ids: Vec<u32> = names
            .iter()
            .map(|n| {
                self.names
                    .binary_search_by(|x| x.as_str().cmp(n))
                    .ok()
                    .map(|i| i as u32)
            })
            .collect::<Option<_>>()?;
        ids.sort_unstable();
        self.support_of(&ids)
    }

    /// Number of frequent itemsets of each size (index 0 = size 1).
    pub fn counts_by_size(&self) -> Vec<usize> {
        let longest = self
            .itemsets
            .iter()
            .map(|s| s.items.len())
            .max()
            .unwrap_or(0);
        let mut counts = vec![0; longest];
        for s in &self.itemsets {
            counts[s.items.len() - 1] += 1;
        }
        counts
    }

    /// Association rules with confidence ≥ `min_confidence` (mlxtend's
    /// `association_rules(metric="confidence")`): every split of every
    /// frequent itemset of two or more items into antecedent → consequent.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a min confidence outside (0, 1].
    pub fn rules(&self, min_confidence: f64) -> Result<RuleSet> {
        association::rules(self, min_confidence)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    fn names(sets: &FrequentItemsets) -> Vec<(Vec<String>, usize)> {
        sets.itemsets()
            .iter()
            .map(|s| (sets.names_of(&s.items), s.count))
            .collect()
    }

    /// mlxtend's documentation example (apriori, min_support 0.6): 11 itemsets.
    pub(in crate::ml::rules) fn mlxtend_example() -> Transactions {
        Transactions::new([
            vec!["Milk", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
            vec!["Dill", "Onion", "Nutmeg", "Kidney Beans", "Eggs", "Yogurt"],
            vec!["Milk", "Apple", "Kidney Beans", "Eggs"],
            vec!["Milk", "Unicorn", "Corn", "Kidney Beans", "Yogurt"],
            vec![
                "Corn",
                "Onion",
                "Onion",
                "Kidney Beans",
                "Ice cream",
                "Eggs",
            ],
        ])
        .unwrap()
    }

    #[test]
    fn matches_mlxtend_documentation_example() {
        // mlxtend 0.23.3: apriori(df, min_support=0.6, use_colnames=True)
        let sets = Apriori::new()
            .min_support(0.6)
            .fit(&mlxtend_example())
            .unwrap();
        assert_eq!(sets.len(), 11);
        assert_eq!(sets.counts_by_size(), vec![5, 5, 1]);
        assert_eq!(sets.support_of_names(&["Eggs"]), Some(0.8));
        assert_eq!(
            sets.support_of_names(&["Onion", "Kidney Beans", "Eggs"]),
            Some(0.6)
        );
        assert_eq!(sets.support_of_names(&["Milk", "Eggs"]), None);
        let found = names(&sets);
        assert!(found.contains(&(vec!["Kidney Beans".to_string()], 5)));
    }

    #[test]
    fn max_len_limits_the_itemset_size() {
        let sets = Apriori::new()
            .min_support(0.6)
            .max_len(2)
            .fit(&mlxtend_example())
            .unwrap();
        assert_eq!(sets.counts_by_size(), vec![5, 5]);
    }

    #[test]
    fn support_threshold_is_inclusive() {
        let tx = Transactions::new([vec!["a"], vec!["b"], vec!["a", "b"], vec!["c"]]).unwrap();
        let sets = Apriori::new().min_support(0.25).fit(&tx).unwrap();
        assert_eq!(sets.support_of_names(&["a", "b"]), Some(0.25));
        let sets = Apriori::new().min_support(0.26).fit(&tx).unwrap();
        assert_eq!(sets.support_of_names(&["c"]), None);
        assert_eq!(sets.support_of_names(&["a"]), Some(0.5));
    }

    #[test]
    fn bad_parameters_are_typed_errors() {
        let tx = mlxtend_example();
        for bad in [0.0, -0.1, 1.5, f64::NAN] {
            let r = Apriori::new().min_support(bad).fit(&tx);
            assert!(matches!(
                r,
                Err(Error::InvalidParameter {
                    name: "min_support",
                    ..
                })
            ));
        }
        let r = Apriori::new().max_len(0).fit(&tx);
        assert!(matches!(
            r,
            Err(Error::InvalidParameter {
                name: "max_len",
                ..
            })
        ));
        assert!(Apriori::new().min_support(1.0).fit(&tx).is_ok());
    }

    #[test]
    fn many_transactions_cross_word_boundaries() {
        // 130 baskets: bits span three u64 words.
        let baskets: Vec<Vec<&str>> = (0..130)
            .map(|i| {
                if i % 2 == 0 {
                    vec!["x", "y"]
                } else {
                    vec!["x"]
                }
            })
            .collect();
        let tx = Transactions::new(baskets).unwrap();
        let sets = Apriori::new().min_support(0.1).fit(&tx).unwrap();
        assert_eq!(sets.support_of_names(&["x"]), Some(1.0));
        assert_eq!(sets.support_of_names(&["y", "x"]), Some(0.5));
    }
}

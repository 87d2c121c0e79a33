//! Association rules: transactions of named items, frequent itemsets
//! (Apriori) and rules with support, confidence and lift (mlxtend's `apriori` +
//! `association_rules`).
//!
//! Crates checked before writing this (November 2026): `fp-growth` 0.1.6
//! (itemsets only, no rules, last release 2021), `apriori_pattern_miner`
//! 0.1.1 (reads CSV files, half documented, no rule metrics) and
//! `aprender` (a whole ML framework with its own tensor types, far too heavy
//! for one algorithm). None is a maintained, small dependency that returns
//! rules with lift, so Apriori is written here (a level-wise search with
//! bitset support counting) and tested against mlxtend 0.23.3.
//!
//! ```
//! use amazon_sales::ml::rules::{Apriori, Transactions};
//! let tx = Transactions::new([vec!["bread", "milk"], vec!["bread", "milk", "eggs"], vec!["milk"], vec!["bread", "eggs"]])?;
//! let itemsets = Apriori::new().min_support(0.5).fit(&tx)?;
//! let rules = itemsets.rules(0.6)?;
//! let bread_milk = rules.find(&["bread"], &["milk"]).expect("rule");
//! assert!((bread_milk.confidence - 2.0 / 3.0).abs() < 1e-12);
//! assert!((bread_milk.lift - (2.0 / 3.0) / 0.75).abs() < 1e-12);
//! # Ok::<(), amazon_sales::Error>(())
//! ```

mod apriori;
mod association;
mod transactions;

pub use apriori::{Apriori, FrequentItemsets, Itemset};
pub use association::{Rule, RuleSet};
pub use transactions::Transactions;

//! [`Rule`] and [`RuleSet`]: association rules with support, confidence and
//! lift, built from frequent itemsets, with a table and a lift chart.

use std::fmt;

use super::apriori::FrequentItemsets;
use crate::charts::{barh, ChartSpec};
use crate::display::{number, Figure, Table};
use crate::error::{Error, Result};

/// An association rule antecedent → consequent.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Items on the left, alphabetical.
    pub antecedent: Vec<String>,
    /// Items on the right, alphabetical.
    pub consequent: Vec<String>,
    /// Share of transactions holding the antecedent.
    pub antecedent_support: f64,
    /// Share of transactions holding the consequent.
    pub consequent_support: f64,
    /// Share of transactions holding both sides.
    pub support: f64,
    /// Number of transactions holding both sides.
    pub count: usize,
    /// support / antecedent support: P(consequent | antecedent).
    pub confidence: f64,
    /// confidence / consequent support; 1 means no association.
    pub lift: f64,
}

impl Rule {
    /// True when the antecedent raises the consequent's rate (lift > 1).
    /// A rule with lift ≤ 1 is no evidence for the association, however
    /// high its confidence.
    pub fn is_evidence(&self) -> bool {
        self.lift > 1.0
    }

    /// The rule, the consequent's base rate and whether the lift is evidence
    /// of an association, on two lines.
    pub fn evidence(&self) -> String {
        format!(
            "{self}\nbase rate of {}: {:.3}; evidence of an association: {}",
            self.consequent_label(),
            self.consequent_support,
            if self.is_evidence() {
                "yes"
            } else {
                "NO (lift ≤ 1)"
            }
        )
    }

    /// The antecedent as "{a, b}".
    pub fn antecedent_label(&self) -> String {
        format!("{{{}}}", self.antecedent.join(", "))
    }

    /// The consequent as "{c}".
    pub fn consequent_label(&self) -> String {
        format!("{{{}}}", self.consequent.join(", "))
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} → {}: support {:.4}, confidence {:.4}, lift {:.4}",
            self.antecedent_label(),
            self.consequent_label(),
            self.support,
            self.confidence,
            self.lift
        )
    }
}

/// A list of rules (see [`FrequentItemsets::rules`]).
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    rules: Vec<Rule>,
    n_transactions: usize,
}

pub(super) fn rules(sets: &FrequentItemsets, min_confidence: f64) -> Result<RuleSet> {
    if !(min_confidence > 0.0 && min_confidence <= 1.0) {
        return Err(Error::param(
            "min_confidence",
            format!("must be in (0, 1], got {min_confidence}"),
        ));
    }
    let mut out = Vec::new();
    for set in sets.itemsets().iter().filter(|s| s.items.len() >= 2) {
        let k = set.items.len();
        let support = set.count as f64 / sets.n_transactions() as f64;
        for mask in 1..(1u32 << k) - 1 {
            let in_left = |i: usize| mask & (1 << i) != 0;
            let pick = |side: bool| -> Vec<u32> {
                let chosen = set
                    .items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| in_left(*i) == side);
                chosen.map(|(_, &x)| x).collect()
            };
            let (left, right) = (pick(true), pick(false));
            // Subsets of a frequent itemset are frequent, so both are present.
            let (Some(sa), Some(sc)) = (sets.support_of(&left), sets.support_of(&right)) else {
                continue;
            };
            let confidence = support / sa;
            if confidence >= min_confidence {
                out.push(Rule {
                    antecedent: sorted(sets.names_of(&left)),
                    consequent: sorted(sets.names_of(&right)),
                    antecedent_support: sa,
                    consequent_support: sc,
                    support,
                    count: set.count,
                    confidence,
                    lift: confidence / sc,
                });
            }
        }
    }
    Ok(RuleSet {
        rules: out,
        n_transactions: sets.n_transactions(),
    }
    .sorted_by_lift())
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names
}

fn same_items(have: &[String], want: &[&str]) -> bool {
    have.len() == want.len() && want.iter().all(|w| have.iter().any(|h| h == w))
}

impl RuleSet {
    /// The rules, highest lift first.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Number of rules.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// True when no rule reached the minimum confidence.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// Number of transactions the supports are shares of.
    pub fn n_transactions(&self) -> usize {
        self.n_transactions
    }

    /// The rule with exactly these antecedent and consequent items (any order).
    pub fn find(&self, antecedent: &[&str], consequent: &[&str]) -> Option<&Rule> {
        self.rules.iter().find(|r| {
            same_items(&r.antecedent, antecedent) && same_items(&r.consequent, consequent)
        })
    }

    /// The rule antecedent → consequent, or an error naming it when it did not
    /// reach the support and confidence thresholds.
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] when no such rule is in the set.
    pub fn rule(&self, antecedent: &[&str], consequent: &[&str]) -> crate::Result<&Rule> {
        self.find(antecedent, consequent).ok_or_else(|| {
            crate::Error::input(
                "association rules",
                format!(
                    "no rule {{{}}} → {{{}}} among the {} rules (below the support or confidence threshold)",
                    antecedent.join(", "),
                    consequent.join(", "),
                    self.rules.len()
                ),
            )
        })
    }

    /// The rules for which `keep` is true.
    pub fn filter(&self, keep: impl Fn(&Rule) -> bool) -> RuleSet {
        RuleSet {
            rules: self.rules.iter().filter(|r| keep(r)).cloned().collect(),
            n_transactions: self.n_transactions,
        }
    }

    /// The rules whose consequent is made only of items in `allowed`
    /// (e.g. the rating bands).
    pub fn with_consequent_in(&self, allowed: &[&str]) -> RuleSet {
        self.filter(|r| r.consequent.iter().all(|c| allowed.contains(&c.as_str())))
    }

    /// Number of rules with lift ≤ 1 (not evidence of an association).
    pub fn count_not_evidence(&self) -> usize {
        self.rules.iter().filter(|r| !r.is_evidence()).count()
    }

    /// Sorted by lift, then confidence, then support (all descending), then by name.
    pub fn sorted_by_lift(mut self) -> RuleSet {
        self.rules.sort_by(|a, b| {
            b.lift
                .total_cmp(&a.lift)
                .then(b.confidence.total_cmp(&a.confidence))
                .then(b.support.total_cmp(&a.support))
                .then_with(|| a.antecedent.cmp(&b.antecedent))
                .then_with(|| a.consequent.cmp(&b.consequent))
        });
        self
    }

    /// The first `top` rules as a table of support, confidence and lift; a
    /// rule with lift ≤ 1 is flagged "no (lift ≤ 1)" in the evidence column.
    pub fn table(&self, title: &str, top: usize) -> Table {
        let mut table = Table::new(
            title,
            [
                "antecedent",
                "consequent",
                "transactions",
                "support",
                "confidence",
                "lift",
                "evidence?",
            ],
        );
        for r in self.rules.iter().take(top) {
            table.push_row([
                r.antecedent_label(),
                r.consequent_label(),
                r.count.to_string(),
                number(r.support, 4),
                number(r.confidence, 4),
                number(r.lift, 3),
                if r.is_evidence() {
                    "yes".into()
                } else {
                    "no (lift ≤ 1)".into()
                },
            ]);
        }
        table.with_note(format!(
            "{} rules in all ({} with lift ≤ 1, which are not evidence of an association); supports are shares of {} transactions.",
            self.len(),
            self.count_not_evidence(),
            self.n_transactions
        ))
    }

    /// Horizontal bars of the lift of the first `top` rules, with a label
    /// "antecedent → consequent".
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when there is no rule; [`Error::Chart`] if drawing fails.
    pub fn lift_chart(&self, title: &str, top: usize) -> Result<Figure> {
        let bars: Vec<(String, f64)> = self
            .rules
            .iter()
            .take(top)
            .map(|r| {
                (
                    format!(
                        "{} → {}",
                        r.antecedent.join(" + "),
                        r.consequent.join(" + ")
                    ),
                    r.lift,
                )
            })
            .collect();
        barh(
            &ChartSpec::new(title)
                .x("lift (1 = no association)")
                .size(900, 480),
            &bars,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::apriori::tests::mlxtend_example;
    use super::super::{Apriori, Transactions};
    use super::*;

    fn example_rules(min_confidence: f64) -> RuleSet {
        Apriori::new()
            .min_support(0.6)
            .fit(&mlxtend_example())
            .unwrap()
            .rules(min_confidence)
            .unwrap()
    }

    #[test]
    fn matches_mlxtend_association_rules() {
        // mlxtend 0.23.3: association_rules(apriori(df, 0.6), metric="confidence",
        // min_threshold=0.7) gives 12 rules, 6 of them with lift <= 1; the
        // highest lift is 1.25, e.g. (Eggs, Kidney Beans) -> (Onion) with
        // support 0.6, confidence 0.75.
        let rules = example_rules(0.7);
        assert_eq!(rules.len(), 12);
        let top = &rules.rules()[0];
        assert!((top.lift - 1.25).abs() < 1e-12);
        let r = rules.find(&["Kidney Beans", "Eggs"], &["Onion"]).unwrap();
        assert!((r.support - 0.6).abs() < 1e-12);
        assert!((r.confidence - 0.75).abs() < 1e-12);
        assert!((r.lift - 1.25).abs() < 1e-12);
        // (Kidney Beans) -> (Eggs): confidence 0.8, lift 1.0 (not evidence).
        let r = rules.find(&["Kidney Beans"], &["Eggs"]).unwrap();
        assert!((r.confidence - 0.8).abs() < 1e-12);
        assert!((r.lift - 1.0).abs() < 1e-12);
        assert!(!r.is_evidence());
        assert_eq!(rules.count_not_evidence(), 6);
        assert_eq!(example_rules(0.6).len(), 16);
    }

    #[test]
    fn filters_tables_and_charts() {
        let rules = example_rules(0.6);
        let onion = rules.with_consequent_in(&["Onion"]);
        assert!(onion.rules().iter().all(|r| r.consequent == ["Onion"]));
        assert!(!onion.is_empty());
        let table = rules.table("rules", 5);
        assert_eq!(table.rows().len(), 5);
        assert!(table.to_string().contains("lift"));
        assert!(rules.lift_chart("lift", 5).unwrap().svg().contains("lift"));
        assert!(rules.filter(|_| false).lift_chart("x", 5).is_err());
    }

    #[test]
    fn confidence_outside_unit_interval_is_an_error() {
        let tx = Transactions::new([vec!["a", "b"], vec!["a"]]).unwrap();
        let sets = Apriori::new().min_support(0.5).fit(&tx).unwrap();
        for bad in [0.0, 1.01, f64::NAN] {
            assert!(matches!(
                sets.rules(bad),
                Err(Error::InvalidParameter {
                    name: "min_confidence",
                    ..
                })
            ));
        }
    }
}

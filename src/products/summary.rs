//! The product notebook's closing table (P-X18): each headline claim of the
//! original beside the figure of the original (or reconstructed) pipeline
//! rerun here and the honest figure, with one line on what to believe.
//! Built only from results computed earlier in the notebook.

use super::segments::ProductSegments;
use super::sentiment::SentimentResult;
use crate::display::{number, Table};
use crate::ml::rules::RuleSet;

/// Rows of the summary, added one result at a time.
///
/// ```
/// use amazon_sales::products::summary::ProductSummary;
/// let t = ProductSummary::new().ann_price(0.98, 0.69, 0.999).table();
/// assert!(t.to_string().contains("0.980"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProductSummary {
    rows: Vec<[String; 5]>,
}

impl ProductSummary {
    /// An empty summary.
    pub fn new() -> Self {
        ProductSummary::default()
    }

    /// P-68's ANN price regression: the R² of the rerun original pipeline,
    /// the best honest log-price R² (no list price / discount pair), and
    /// the R² of the bare formula actual × (1 − discount).
    pub fn ann_price(
        mut self,
        original_pipeline_r2: f64,
        honest_log_r2: f64,
        formula_r2: f64,
    ) -> Self {
        self.rows.push([
            "ANN price regression, R² (P-68)".into(),
            "0.98 (0.9825)".into(),
            number(original_pipeline_r2, 3),
            format!("{} (log price, no leaking pair); formula alone {}", number(honest_log_r2, 3), number(formula_r2, 3)),
            "The 0.98 re-learns price = list price × (1 − discount) (flaw 18); believe the honest R².".into(),
        ]);
        self
    }

    /// The improved K-Means: its silhouette and segments, and the best
    /// alternative silhouette of another scaling.
    pub fn kmeans(
        mut self,
        segments: &ProductSegments,
        alternative: &str,
        alternative_silhouette: f64,
    ) -> Self {
        let sizes: Vec<String> = segments
            .profiles
            .iter()
            .map(|p| format!("{} {}", p.name, p.products))
            .collect();
        self.rows.push([
            "Improved K-Means, silhouette (P-X4)".into(),
            "0.708, three named segments".into(),
            format!("{} ({})", number(segments.silhouette, 4), sizes.join(", ")),
            format!("{}: {}", alternative, number(alternative_silhouette, 4)),
            "The segments are real (a 90 % mass, a premium tail, a bestseller tail) but the high score comes from the scaler and the skew, not from well-separated groups.".into(),
        ]);
        self
    }

    /// The CNN: negative-class scores at 0.5 and at the tuned threshold, against the baseline.
    pub fn cnn(mut self, result: &SentimentResult) -> Self {
        let neg = |r: &crate::ml::metrics::ClassificationReport| {
            r.classes.get(1).map_or((0.0, 0.0), |c| (c.recall, c.f1))
        };
        let (r_half, f_half) = neg(&result.report_at_half);
        let (r_tuned, f_tuned) = neg(&result.report);
        self.rows.push([
            "CNN review sentiment, negative class (P-X12)".into(),
            "\"able to find negative sentiment\" (no figure)".into(),
            format!("threshold 0.5: recall {}, F1 {}", number(r_half, 3), number(f_half, 3)),
            format!(
                "tuned {}: recall {}, F1 {}, macro-F1 {} (baseline {}), ROC AUC {}",
                number(result.threshold, 2),
                number(r_tuned, 3),
                number(f_tuned, 3),
                number(result.report.macro_avg.f1, 3),
                number(result.baseline_report.macro_avg.f1, 3),
                number(result.roc_auc, 3)
            ),
            "It finds negatives far better than P-72/P-74 (recall 0.09 / 0.00), but labels are weak: a review inherits its product's rating.".into(),
        ]);
        self
    }

    /// The Apriori headline rule and the best rating rule by lift.
    pub fn rules(mut self, rating_rules: &RuleSet, headline: (&[&str], &[&str])) -> Self {
        let found = rating_rules.find(headline.0, headline.1);
        let here = found.map_or("not frequent at these thresholds".to_string(), |r| {
            format!(
                "support {}, confidence {}, lift {}",
                number(r.support, 3),
                number(r.confidence, 3),
                number(r.lift, 3)
            )
        });
        let best = rating_rules
            .rules()
            .first()
            .map_or("none".to_string(), |r| {
                format!(
                    "best by lift: {} → {} (lift {})",
                    r.antecedent_label(),
                    r.consequent_label(),
                    number(r.lift, 3)
                )
            });
        let verdict = match found {
            Some(r) if !r.is_evidence() => "Lift < 1: the headline rule is not evidence; its confidence only reflects the 76 % base rate of high ratings.",
            Some(_) => "Lift > 1: the rule holds, modestly.",
            None => "The headline rule did not reach the thresholds.",
        };
        self.rows.push([
            "Apriori headline rule {Electronics, High price, Deep discount} → {High rating}".into(),
            "\"highly likely to receive a high rating\"".into(),
            here,
            best,
            verdict.into(),
        ]);
        self
    }

    /// The table.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            "Summary of the product notebook (P-X18): original vs this project",
            [
                "result",
                "original claim",
                "original pipeline here",
                "honest here",
                "what to believe",
            ],
        );
        for r in &self.rows {
            t.push_row(r.clone());
        }
        t
    }
}

impl crate::display::AsTable for ProductSummary {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

//! The sales notebook's closing table (§12): each headline claim of the
//! original beside the figure of its pipeline rerun here and the honest
//! figure, with one line on what to believe (notebook 02's P-X18 table for
//! the sales report). Built only from results computed earlier in the notebook.

use super::amount::HonestAmount;
use super::cancellation::HonestCancellation;
use crate::display::{number, thousands, Table};
use crate::error::Result;
use crate::ml::classify::Evaluation;
use crate::ml::forecast::TestScore;
use crate::ml::regress::RegressionEval;

/// Rows of the summary, added one result at a time.
///
/// ```
/// use amazon_sales::sales::summary::SalesSummary;
/// let t = SalesSummary::new().segments(0.2739, &[28_463, 56_859, 28_348]).table();
/// assert!(t.to_string().contains("0.2739"));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SalesSummary {
    rows: Vec<[String; 5]>,
}

impl SalesSummary {
    /// An empty summary.
    pub fn new() -> Self {
        SalesSummary::default()
    }

    /// §5: the original random forest (R-61, R-71) against the honest forest
    /// at the real cancel rate, with and without the promotion flag.
    ///
    /// # Errors
    /// As [`HonestCancellation::forest`].
    pub fn cancellation(
        mut self,
        original: &Evaluation,
        honest: &HonestCancellation,
    ) -> Result<Self> {
        let forest = &honest.forest()?.evaluation;
        let without = &honest.forest_without_promotion.evaluation;
        self.rows.push([
            "Cancellation, random forest (R-61, R-71)".into(),
            "accuracy 0.946, AUC 0.99".into(),
            format!("accuracy {}, AUC {}", number(original.accuracy(), 4), number(original.roc_auc, 4)),
            format!(
                "balanced accuracy {}, AUC {}; without the promotion flag: AUC {} (majority baseline accuracy {})",
                number(forest.balanced_accuracy, 4),
                number(forest.roc_auc, 4),
                number(without.roc_auc, 4),
                number(forest.baseline.accuracy, 4)
            ),
            "Honest: the original tests on SMOTE'd rows that share neighbours with training and leans on a promotion field filled after the outcome (flaws 1, 3, 7).".into(),
        ]);
        Ok(self)
    }

    /// §6: the original forest regressor of Amount (R-69) against the
    /// SKU-group split, with and without the identifier columns.
    pub fn amount(mut self, original: &RegressionEval, honest: &HonestAmount) -> Self {
        self.rows.push([
            "Amount regression, random forest R² (R-69)".into(),
            "0.96".into(),
            number(original.r2, 4),
            format!(
                "{} with the ID codes, {} without, under a split that keeps each SKU on one side; Category mean alone {}",
                number(honest.original_features.evaluation.r2, 4),
                number(honest.honest_forest.evaluation.r2, 4),
                number(honest.category_mean.r2, 4)
            ),
            "Honest: 0.96 comes from SKUs seen in training (flaw 4); on unseen products Amount is predicted far less well.".into(),
        ]);
        self
    }

    /// §7: the K-Means order segments (R-79) and their silhouette.
    pub fn segments(mut self, silhouette: f64, sizes: &[usize]) -> Self {
        let sizes: Vec<String> = sizes.iter().map(|&s| thousands(s as i64)).collect();
        self.rows.push([
            "K-Means segments, k = 3 (R-79)".into(),
            "silhouette 0.2739; 28,463 / 56,859 / 28,348".into(),
            format!("silhouette {}; {}", number(silhouette, 4), sizes.join(" / ")),
            "The data has no customer id: these are segments of order lines, and ship city or postal code is only a proxy for a customer.".into(),
            "Read them as order types (size, channel, amount), not as customers; the silhouette is weak (flaw 5).".into(),
        ]);
        self
    }

    /// §8: the test-period RMSE of the original SARIMA against the other
    /// methods scored on the same days (weekly SARIMA, seasonal naive).
    pub fn forecast(mut self, original: &TestScore, others: &[TestScore]) -> Self {
        let others: Vec<String> = others
            .iter()
            .map(|s| {
                format!(
                    "{} {} (₹{} a day)",
                    s.method,
                    number(s.rmse_log, 3),
                    number(s.rmse_rupees, 0)
                )
            })
            .collect();
        self.rows.push([
            "SARIMA test RMSE, log1p (R-116)".into(),
            "0.24, \"low\"; 60-day forecast from 06-30".into(),
            format!("{} (₹{} a day)", number(original.rmse_log, 3), number(original.rmse_rupees, 0)),
            others.join("; "),
            "Believe the rupee figures and the refitted, correctly dated forecast: the original's future forecast is shifted by 19 days (flaw 13).".into(),
        ]);
        self
    }

    /// The summary as a table.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            "Sales report: original claims, the original pipeline rerun, and the honest figures",
            [
                "result",
                "original claim",
                "original pipeline (rerun)",
                "honest",
                "what to believe",
            ],
        );
        for row in &self.rows {
            t.push_row(row.iter().cloned());
        }
        t
    }
}

impl crate::display::AsTable for SalesSummary {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
}

//! [`CleaningReport`]: the log of every cleaning rule, with rows and columns
//! before and after and how many values it changed, so nothing is dropped or
//! altered silently.

use std::fmt;

use crate::display::{thousands, Table};

/// One cleaning rule as applied: what it did, to how many rows and why.
#[derive(Debug, Clone, PartialEq)]
pub struct CleaningStep {
    /// Short name of the rule, prefixed with the original cell (e.g. "R-10 drop rows missing ship fields").
    pub rule: String,
    /// Rows before the rule.
    pub rows_in: usize,
    /// Rows after the rule.
    pub rows_out: usize,
    /// Columns before the rule.
    pub cols_in: usize,
    /// Columns after the rule.
    pub cols_out: usize,
    /// Cell values the rule changed in place (fills, conversions, renames).
    pub values_changed: usize,
    /// Why the rule exists.
    pub why: String,
}

impl CleaningStep {
    /// Rows this rule removed.
    pub fn rows_dropped(&self) -> usize {
        self.rows_in.saturating_sub(self.rows_out)
    }
}

/// The ordered list of cleaning steps applied to one data set.
///
/// ```
/// use amazon_sales::data::cleaning::CleaningReport;
/// let mut r = CleaningReport::new("demo.csv", 10, 3);
/// r.record("drop blanks", 8, 3, 0, "blank rows carry no order");
/// assert_eq!(r.rows_out(), 8);
/// assert!(r.adds_up());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CleaningReport {
    source: String,
    rows_raw: usize,
    cols_raw: usize,
    steps: Vec<CleaningStep>,
}

impl CleaningReport {
    /// Starts a report for a data set of `rows` × `cols` as loaded.
    pub fn new(source: impl Into<String>, rows: usize, cols: usize) -> Self {
        CleaningReport {
            source: source.into(),
            rows_raw: rows,
            cols_raw: cols,
            steps: Vec::new(),
        }
    }

    /// Records a rule that left the frame at `rows` × `cols` after changing `values_changed` cells.
    pub fn record(
        &mut self,
        rule: impl Into<String>,
        rows: usize,
        cols: usize,
        values_changed: usize,
        why: impl Into<String>,
    ) {
        self.steps.push(CleaningStep {
            rule: rule.into(),
            rows_in: self.rows_out(),
            rows_out: rows,
            cols_in: self.cols_out(),
            cols_out: cols,
            values_changed,
            why: why.into(),
        });
    }

    /// The steps in order.
    pub fn steps(&self) -> &[CleaningStep] {
        &self.steps
    }

    /// Rows as loaded.
    pub fn rows_raw(&self) -> usize {
        self.rows_raw
    }

    /// Rows after the last step.
    pub fn rows_out(&self) -> usize {
        self.steps.last().map_or(self.rows_raw, |s| s.rows_out)
    }

    /// Columns after the last step.
    pub fn cols_out(&self) -> usize {
        self.steps.last().map_or(self.cols_raw, |s| s.cols_out)
    }

    /// True when each step starts where the previous ended and raw rows = final rows + all drops.
    pub fn adds_up(&self) -> bool {
        let chained = self
            .steps
            .windows(2)
            .all(|w| w[0].rows_out == w[1].rows_in && w[0].cols_out == w[1].cols_in);
        let dropped: usize = self.steps.iter().map(CleaningStep::rows_dropped).sum();
        let never_grows = self.steps.iter().all(|s| s.rows_out <= s.rows_in);
        chained && never_grows && self.rows_raw == self.rows_out() + dropped
    }

    /// The report as a table: one row per rule, then the total.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!("Cleaning report: {}", self.source),
            [
                "rule",
                "rows in",
                "rows out",
                "dropped",
                "cols in → out",
                "values changed",
                "why",
            ],
        );
        for s in &self.steps {
            t.push_row([
                s.rule.clone(),
                thousands(s.rows_in as i64),
                thousands(s.rows_out as i64),
                thousands(s.rows_dropped() as i64),
                format!("{} → {}", s.cols_in, s.cols_out),
                thousands(s.values_changed as i64),
                s.why.clone(),
            ]);
        }
        t.with_note(format!(
            "{} × {} loaded → {} × {} cleaned",
            thousands(self.rows_raw as i64),
            self.cols_raw,
            thousands(self.rows_out() as i64),
            self.cols_out()
        ))
    }

    /// Renders the report inline in an evcxr notebook.
    pub fn evcxr_display(&self) {
        self.table().evcxr_display();
    }
}

impl fmt::Display for CleaningReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.table())
    }
}

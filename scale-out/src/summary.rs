//! The driver's share of the work: folding the cluster's (day, state) cells
//! into the result both engines write ([`ScaleSummary`], the notebook crate's
//! own type, compiled into this crate from `src/sales/scale_summary.rs`).

use std::collections::BTreeMap;

pub use crate::scale_summary::ScaleSummary;
use crate::states::canonical_state;

/// One row of the cluster's result: lines and revenue of one (day, raw state
/// spelling) cell. The day is `None` for lines without a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub day: Option<i32>,
    pub state: String,
    pub lines: u64,
    pub revenue: f64,
}

/// The row counts of the cleaning rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowCounts {
    pub raw: u64,
    pub addressed: u64,
}

/// Folds the (day, state) cells into daily revenue and lines per canonical
/// state (largest first, ties by name), a few thousand rows whatever the
/// input size; the clean row count is the cells' total.
pub fn from_cells(rows: RowCounts, sparse_columns: Vec<String>, cells: Vec<Cell>) -> ScaleSummary {
    let mut days: BTreeMap<i32, f64> = BTreeMap::new();
    let mut states: BTreeMap<String, u64> = BTreeMap::new();
    let mut clean = 0;
    for cell in cells {
        clean += cell.lines;
        if let Some(day) = cell.day {
            *days.entry(day).or_default() += cell.revenue;
        }
        *states.entry(canonical_state(&cell.state)).or_default() += cell.lines;
    }
    let mut lines_by_state: Vec<(String, u32)> = states
        .into_iter()
        .map(|(s, n)| (s, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect();
    lines_by_state.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    ScaleSummary {
        rows_raw: count(rows.raw),
        rows_addressed: count(rows.addressed),
        rows_clean: count(clean),
        sparse_columns,
        daily_revenue: days.into_iter().collect(),
        lines_by_state,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(day: Option<i32>, state: &str, lines: u64, revenue: f64) -> Cell {
        Cell {
            day,
            state: state.into(),
            lines,
            revenue,
        }
    }

    #[test]
    fn cells_fold_into_days_and_canonical_states() {
        let rows = RowCounts {
            raw: 6,
            addressed: 5,
        };
        let s = from_cells(
            rows,
            vec![],
            vec![
                cell(Some(1), "Delhi", 1, 10.0),
                cell(Some(1), "NEW DELHI", 1, 5.5),
                cell(None, "Goa", 1, 0.0),
                cell(Some(0), "goa", 2, 1.0),
            ],
        );
        assert_eq!(s.rows_clean, 5);
        assert_eq!(s.daily_revenue, [(0, 1.0), (1, 15.5)]);
        assert_eq!(
            s.lines_by_state,
            [("GOA".to_string(), 3), ("DELHI".to_string(), 2)]
        );
    }
}

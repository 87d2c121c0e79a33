//! Order selection by AIC over a small SARIMA grid, on a common likelihood
//! sample (every candidate drops the same burn-in, so the AICs are comparable).

use super::sarima::{SarimaFit, SarimaOrder, SarimaParams};
use crate::display::{number, Table};
use crate::error::{Error, Result};

/// One candidate's outcome.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Orders of this candidate.
    pub order: SarimaOrder,
    /// Its AIC on the common sample.
    pub aic: f64,
    /// Whether its optimiser converged (only converged fits can be best).
    pub converged: bool,
}

/// The grid search: every candidate and the best fit.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Every candidate, in grid order.
    pub candidates: Vec<Candidate>,
    /// The converged candidate with the lowest AIC.
    pub best: SarimaFit,
}

impl Selection {
    /// The `rows` lowest-AIC candidates.
    pub fn table(&self, title: &str, rows: usize) -> Table {
        let mut sorted = self.candidates.clone();
        sorted.sort_by(|a, b| a.aic.total_cmp(&b.aic));
        let mut t = Table::new(title, ["order", "AIC", "converged"]);
        for c in sorted.iter().take(rows) {
            t.push_row([
                c.order.label(),
                number(c.aic, 3),
                if c.converged { "yes" } else { "no" }.to_string(),
            ]);
        }
        t.with_note(format!(
            "{} candidates, all scored on the same {} observations after a common burn-in of {}",
            self.candidates.len(),
            self.best.nobs_effective,
            self.best.burn
        ))
    }
}

/// Fits (p,d,q)(P,D,Q,s) for p, q ≤ `max_pq`, P, Q ≤ 1, the given d, D and s,
/// and keeps the converged candidate with the lowest AIC.
///
/// # Errors
/// [`Error::InvalidInput`] when no candidate converges; the errors of
/// [`SarimaParams::fit`] (short series, NaN, s < 2).
pub fn select_by_aic(
    y: &[f64],
    d: usize,
    seasonal_d: usize,
    s: usize,
    max_pq: usize,
) -> Result<Selection> {
    let mut orders = Vec::new();
    for p in 0..=max_pq {
        for q in 0..=max_pq {
            for sp in 0..=1 {
                for sq in 0..=1 {
                    orders.push(SarimaOrder::new((p, d, q), (sp, seasonal_d, sq, s)));
                }
            }
        }
    }
    let burn = orders.iter().map(SarimaOrder::k_states).max().unwrap_or(0);
    let mut candidates = Vec::new();
    let mut best: Option<SarimaFit> = None;
    for order in orders {
        let fit = SarimaParams::new(order).burn(burn).fit(y)?;
        candidates.push(Candidate {
            order,
            aic: fit.aic,
            converged: fit.convergence.converged,
        });
        if fit.convergence.converged && best.as_ref().is_none_or(|b| fit.aic < b.aic) {
            best = Some(fit);
        }
    }
    let best =
        best.ok_or_else(|| Error::input("SARIMA order selection", "no candidate converged"))?;
    Ok(Selection { candidates, best })
}

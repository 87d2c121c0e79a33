//! The forecast value type: dated point forecasts with prediction intervals
//! (the augurs idea: a forecast is a typed value, not a bare `Vec`).

use statrs::distribution::{ContinuousCDF, Normal};

use crate::data::dates::iso_date;
use crate::display::{number, Table};
use crate::error::{Error, Result};

/// A central prediction interval at one coverage level.
#[derive(Debug, Clone, PartialEq)]
pub struct Interval {
    /// Coverage, e.g. 0.95.
    pub level: f64,
    /// Lower bound per forecast date.
    pub lower: Vec<f64>,
    /// Upper bound per forecast date.
    pub upper: Vec<f64>,
}

/// Point forecasts with their dates (days since 1970-01-01) and intervals.
#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// Forecast dates (days since 1970-01-01), one per step.
    pub dates: Vec<i32>,
    /// Point forecasts (the predicted means), one per date.
    pub point: Vec<f64>,
    /// Forecast-error standard deviations.
    pub std_error: Vec<f64>,
    /// One interval per requested level, in the order requested.
    pub intervals: Vec<Interval>,
}

impl Forecast {
    /// Builds Gaussian intervals point ± z·se for each level in (0, 1).
    ///
    /// ```
    /// use amazon_sales::ml::forecast::prediction::Forecast;
    /// let f = Forecast::gaussian(19_173, vec![1.0, 2.0], vec![0.5, 1.0], &[0.95]).unwrap();
    /// assert_eq!(f.dates, vec![19_173, 19_174]);
    /// assert!((f.intervals[0].upper[0] - (1.0 + 1.959964 * 0.5)).abs() < 1e-5);
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a level outside (0, 1);
    /// [`Error::InvalidInput`] when point and std_error lengths differ.
    pub fn gaussian(
        first_date: i32,
        point: Vec<f64>,
        std_error: Vec<f64>,
        levels: &[f64],
    ) -> Result<Self> {
        if point.len() != std_error.len() {
            return Err(Error::input(
                "forecast",
                format!("{} points but {} errors", point.len(), std_error.len()),
            ));
        }
        let normal = Normal::new(0.0, 1.0).map_err(|e| Error::model("forecast intervals", e))?;
        let mut intervals = Vec::new();
        for &level in levels {
            if level.is_nan() || level <= 0.0 || level >= 1.0 {
                return Err(Error::param(
                    "level",
                    format!("{level}: must lie in (0, 1)"),
                ));
            }
            let z = normal.inverse_cdf(0.5 + level / 2.0);
            intervals.push(Interval {
                level,
                lower: point
                    .iter()
                    .zip(&std_error)
                    .map(|(p, s)| p - z * s)
                    .collect(),
                upper: point
                    .iter()
                    .zip(&std_error)
                    .map(|(p, s)| p + z * s)
                    .collect(),
            });
        }
        let dates = (0..point.len() as i32).map(|i| first_date + i).collect();
        Ok(Forecast {
            dates,
            point,
            std_error,
            intervals,
        })
    }

    /// Number of steps.
    pub fn len(&self) -> usize {
        self.point.len()
    }

    /// (x = day number, y = point forecast) points for the line charts.
    pub fn points(&self) -> Vec<(f64, f64)> {
        self.dates
            .iter()
            .zip(&self.point)
            .map(|(d, v)| (*d as f64, *v))
            .collect()
    }

    /// True for a zero-step forecast.
    pub fn is_empty(&self) -> bool {
        self.point.is_empty()
    }

    /// Applies a monotone back-transform (e.g. `f64::exp_m1` after a log1p
    /// model) to the points and interval bounds; quantiles map to quantiles,
    /// so the intervals keep their coverage. The standard errors are dropped (NaN).
    pub fn map(&self, f: impl Fn(f64) -> f64) -> Forecast {
        Forecast {
            dates: self.dates.clone(),
            point: self.point.iter().map(|&v| f(v)).collect(),
            std_error: vec![f64::NAN; self.point.len()],
            intervals: self
                .intervals
                .iter()
                .map(|i| Interval {
                    level: i.level,
                    lower: i.lower.iter().map(|&v| f(v)).collect(),
                    upper: i.upper.iter().map(|&v| f(v)).collect(),
                })
                .collect(),
        }
    }

    /// Table with one row per date (at most `max_rows`): point and interval bounds.
    pub fn table(&self, title: &str, decimals: usize, max_rows: usize) -> Table {
        let mut cols = vec!["date".to_string(), "forecast".to_string()];
        for i in &self.intervals {
            let pct = (i.level * 100.0).round();
            cols.push(format!("lower {pct} %"));
            cols.push(format!("upper {pct} %"));
        }
        let mut t = Table::new(title, cols);
        for row in 0..self.len().min(max_rows) {
            let mut cells = vec![iso_date(self.dates[row]), number(self.point[row], decimals)];
            for i in &self.intervals {
                cells.push(number(i.lower[row], decimals));
                cells.push(number(i.upper[row], decimals));
            }
            t.push_row(cells);
        }
        if self.len() > max_rows {
            t = t.with_note(format!("first {max_rows} of {} days shown", self.len()));
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_dates_and_orders_bounds() {
        let f = Forecast::gaussian(0, vec![13.0, 13.5], vec![0.1, 0.2], &[0.8, 0.95]).unwrap();
        let g = f.map(f64::exp_m1);
        assert_eq!(g.dates, f.dates);
        assert!(g.intervals[1].lower[0] < g.intervals[0].lower[0]);
        assert!(g.intervals[0].upper[1] < g.intervals[1].upper[1]);
        assert!((g.point[0] - 13f64.exp_m1()).abs() < 1e-6);
        assert_eq!(f.table("t", 3, 1).rows().len(), 1);
    }

    #[test]
    fn bad_levels_are_errors() {
        assert!(Forecast::gaussian(0, vec![1.0], vec![1.0], &[1.0]).is_err());
        assert!(Forecast::gaussian(0, vec![1.0], vec![], &[0.9]).is_err());
    }
}

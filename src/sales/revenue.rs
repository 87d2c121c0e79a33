//! Daily revenue series built from the cleaned sales frame (polars group-by
//! on `Date`), in the original's definition and in the correct one (flaw 10).

use polars::prelude::*;

use crate::charts::{self, ChartSpec, LineSeries};
use crate::data::dates::iso_date;
use crate::display::{number, percent, Figure, FigureGrid, Table};
use crate::error::{Error, Result};
use crate::frame::f64_values;
use crate::ml::forecast::{moving_average, Decomposition};

/// Weekday names of days since 1970-01-01 (a Thursday) modulo 7.
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// How daily revenue is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevenueDefinition {
    /// R-89: Σ Amount × Qty over every line, cancelled included. Amount is
    /// already the line total, so Qty > 1 lines count twice or more.
    Original,
    /// Σ Amount over lines whose Status is not "Cancelled".
    Correct,
}

/// A daily series: consecutive dates (days since 1970-01-01) and values.
#[derive(Debug, Clone, PartialEq)]
pub struct DailySeries {
    pub name: String,
    pub dates: Vec<i32>,
    pub values: Vec<f64>,
}

impl DailySeries {
    /// A series from consecutive days starting at `first_date`.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty series.
    pub fn new(name: impl Into<String>, first_date: i32, values: Vec<f64>) -> Result<Self> {
        if values.is_empty() {
            return Err(Error::input("daily series", "no values"));
        }
        let dates = (0..values.len() as i32).map(|i| first_date + i).collect();
        Ok(DailySeries {
            name: name.into(),
            dates,
            values,
        })
    }

    /// Number of days.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when there are no days.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// First and last date.
    pub fn span(&self) -> (i32, i32) {
        (self.dates[0], self.dates[self.dates.len() - 1])
    }

    /// log(1 + value), as the original's R-105.
    pub fn log1p(&self) -> DailySeries {
        DailySeries {
            name: format!("log1p({})", self.name),
            dates: self.dates.clone(),
            values: self.values.iter().map(|v| v.ln_1p()).collect(),
        }
    }

    /// The series without its first `n` days.
    pub fn skip(&self, n: usize) -> DailySeries {
        DailySeries {
            name: self.name.clone(),
            dates: self.dates.iter().skip(n).copied().collect(),
            values: self.values.iter().skip(n).copied().collect(),
        }
    }

    /// Chronological split: the first `train_len` days and the rest.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when either part would be empty.
    pub fn split(&self, train_len: usize) -> Result<(DailySeries, DailySeries)> {
        if train_len == 0 || train_len >= self.len() {
            return Err(Error::param(
                "train_len",
                format!("{train_len} of {} days", self.len()),
            ));
        }
        let part = |r: std::ops::Range<usize>| DailySeries {
            name: self.name.clone(),
            dates: self.dates[r.clone()].to_vec(),
            values: self.values[r].to_vec(),
        };
        Ok((part(0..train_len), part(train_len..self.len())))
    }

    /// Days whose value is below `share` of the median (partial days such as
    /// 2022-03-31, where the export starts late in the day).
    pub fn partial_days(&self, share: f64) -> Vec<i32> {
        let mut sorted = self.values.clone();
        sorted.sort_by(f64::total_cmp);
        let median = sorted[sorted.len() / 2];
        self.dates
            .iter()
            .zip(&self.values)
            .filter(|(_, v)| **v < share * median)
            .map(|(d, _)| *d)
            .collect()
    }

    /// (x = day number, y = value) points for the line charts.
    pub fn points(&self) -> Vec<(f64, f64)> {
        self.dates
            .iter()
            .zip(&self.values)
            .map(|(d, v)| (*d as f64, *v))
            .collect()
    }

    /// Other values on this series' dates (a trend, a moving average) as chart points.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `values` has another length.
    pub fn points_of(&self, values: &[f64]) -> Result<Vec<(f64, f64)>> {
        if values.len() != self.len() {
            return Err(Error::input(
                "daily series",
                format!("{} values for {} days", values.len(), self.len()),
            ));
        }
        Ok(self
            .dates
            .iter()
            .zip(values)
            .map(|(d, v)| (*d as f64, *v))
            .collect())
    }

    /// Days, first and last date, and the partial days (below `share` of
    /// the median day, see [`DailySeries::partial_days`]) as a small table.
    ///
    /// ```
    /// use amazon_sales::sales::revenue::DailySeries;
    /// let s = DailySeries::new("revenue", 19_082, vec![1.0, 10.0, 11.0, 9.0])?;
    /// let t = s.overview(0.5);
    /// assert_eq!(t.rows()[3][1], "2022-03-31");
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    pub fn overview(&self, share: f64) -> Table {
        let (first, last) = self.span();
        let partial: Vec<String> = self.partial_days(share).into_iter().map(iso_date).collect();
        Table::new(format!("{}: span", self.name), ["item", "value"])
            .with_row(["days".to_string(), self.len().to_string()])
            .with_row(["first day".to_string(), iso_date(first)])
            .with_row(["last day".to_string(), iso_date(last)])
            .with_row([
                format!("partial days (< {} of the median day)", percent(share, 0)),
                partial.join(", "),
            ])
    }

    /// Calendar-month sums in month order (`"2022-04"`, ₹); partial months
    /// (a single day of March, June to the 29th) are summed as they are.
    ///
    /// ```
    /// use amazon_sales::sales::revenue::DailySeries;
    /// let s = DailySeries::new("revenue", 19_082, vec![1.0, 2.0, 3.0])?; // 03-31, 04-01, 04-02
    /// assert_eq!(s.monthly_sums(), vec![("2022-03".to_string(), 1.0), ("2022-04".to_string(), 5.0)]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    pub fn monthly_sums(&self) -> Vec<(String, f64)> {
        let mut months: Vec<(String, f64)> = Vec::new();
        for (d, v) in self.dates.iter().zip(&self.values) {
            let month = iso_date(*d)[..7].to_string();
            match months.last_mut() {
                Some((m, sum)) if *m == month => *sum += v,
                _ => months.push((month, *v)),
            }
        }
        months
    }

    /// The line chart of [`DailySeries::monthly_sums`].
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn monthly_chart(&self, title: &str) -> Result<Figure> {
        charts::line_categories(
            &ChartSpec::new(title).x("month").y("revenue (₹)"),
            &self.monthly_sums(),
        )
    }

    /// The daily values with trailing simple moving averages of each window (R-103).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for a window of 0 or longer than the series.
    pub fn moving_average_chart(&self, title: &str, windows: &[usize]) -> Result<Figure> {
        let mut series = vec![LineSeries::new("daily", self.points())];
        for &w in windows {
            let sma = moving_average(&self.values, w)?;
            series.push(LineSeries::new(
                format!("{w}-day SMA"),
                self.points_of(&sma)?,
            ));
        }
        charts::line(
            &ChartSpec::new(title)
                .x("date")
                .y("revenue (₹)")
                .size(900, 380),
            &series,
            true,
        )
    }

    /// Observed, trend, seasonal and residual panels of a decomposition of this series (R-100).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when the decomposition has another length;
    /// [`Error::Chart`] if drawing fails.
    pub fn decomposition_chart(&self, d: &Decomposition) -> Result<FigureGrid> {
        let panel = |name: &str, values: &[f64]| -> Result<Figure> {
            charts::line(
                &ChartSpec::new(name).x("date").y("₹").size(900, 220),
                &[LineSeries::new(name, self.points_of(values)?)],
                true,
            )
        };
        Ok(FigureGrid::new(vec![
            panel("observed", &d.observed)?,
            panel("trend", &d.trend)?,
            panel(&format!("seasonal (period {})", d.period), &d.seasonal)?,
            panel("residual", &d.residual)?,
        ]))
    }

    /// The seasonal effect of each weekday of a period-7 decomposition of
    /// this series, in the order the series starts (R-100 in numbers).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when the period is not 7.
    pub fn weekday_effects(&self, d: &Decomposition, title: &str) -> Result<Table> {
        if d.period != 7 {
            return Err(Error::param(
                "period",
                format!("weekday effects need period 7, got {}", d.period),
            ));
        }
        let mut t = Table::new(title, ["weekday", "effect"]);
        for (day, effect) in self.dates.iter().zip(d.seasonal_profile()) {
            t.push_row([
                WEEKDAYS[day.rem_euclid(7) as usize].to_string(),
                number(*effect, 0),
            ]);
        }
        Ok(t)
    }

    /// The first `rows` days as a table.
    pub fn head(&self, rows: usize, decimals: usize) -> Table {
        let mut t = Table::new(
            format!("{} (first {rows} days)", self.name),
            ["date", "value"],
        );
        for (d, v) in self.dates.iter().zip(&self.values).take(rows) {
            t.push_row([iso_date(*d), number(*v, decimals)]);
        }
        t
    }
}

/// Daily revenue from the cleaned frame ("Date", "Amount", "Qty", "Status"),
/// one value per calendar day from the first to the last date (a day without
/// orders counts 0).
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing or the frame is empty.
pub fn daily_revenue(frame: &DataFrame, definition: RevenueDefinition) -> Result<DailySeries> {
    let (filtered, revenue, name) = match definition {
        RevenueDefinition::Original => (
            frame.clone().lazy(),
            col("Amount") * col("Qty").cast(DataType::Float64),
            "daily revenue, original (Σ Amount × Qty, cancelled included)",
        ),
        RevenueDefinition::Correct => (
            frame
                .clone()
                .lazy()
                .filter(col("Status").neq(lit("Cancelled"))),
            col("Amount"),
            "daily revenue, correct (Σ Amount, cancelled excluded)",
        ),
    };
    let daily = filtered
        .group_by([col("Date")])
        .agg([revenue.sum().alias("revenue")])
        .with_column(col("Date").cast(DataType::Int32).alias("day"))
        .sort(["day"], SortMultipleOptions::default())
        .collect()?;
    let days = f64_values(&daily, "day")?;
    let values = f64_values(&daily, "revenue")?;
    let (Some(&first), Some(&last)) = (days.first(), days.last()) else {
        return Err(Error::input("daily revenue", "the frame has no dated rows"));
    };
    if days.iter().chain(&values).any(|v| !v.is_finite()) {
        return Err(Error::input("daily revenue", "null dates or amounts"));
    }
    let mut full = vec![0.0; (last - first) as usize + 1];
    for (d, v) in days.iter().zip(&values) {
        full[(d - first) as usize] = *v;
    }
    DailySeries::new(name, first as i32, full)
}

/// Side-by-side totals of the two definitions, with the decomposition of the
/// difference into the Qty multiplication and the cancelled lines.
///
/// # Errors
/// [`Error::InvalidInput`] when a column is missing.
pub fn revenue_definitions_table(frame: &DataFrame) -> Result<Table> {
    let amount = f64_values(frame, "Amount")?;
    let qty = f64_values(frame, "Qty")?;
    let cancelled: Vec<bool> = frame
        .column("Status")
        .map_err(|_| Error::input("revenue definitions", "no Status column"))?
        .str()?
        .iter()
        .map(|s| s == Some("Cancelled"))
        .collect();
    let original: f64 = amount.iter().zip(&qty).map(|(a, q)| a * q).sum();
    let correct: f64 = amount
        .iter()
        .zip(&cancelled)
        .filter(|(_, c)| !**c)
        .map(|(a, _)| a)
        .sum();
    let cancelled_amount: f64 = amount
        .iter()
        .zip(&qty)
        .zip(&cancelled)
        .filter(|(_, c)| **c)
        .map(|((a, q), _)| a * q)
        .sum();
    let qty_excess: f64 = amount
        .iter()
        .zip(&qty)
        .zip(&cancelled)
        .filter(|(_, c)| !**c)
        .map(|((a, q), _)| a * (q - 1.0))
        .sum();
    Ok(Table::new(
        "Total revenue under the two definitions",
        ["quantity", "rupees", "share of correct"],
    )
    .with_row([
        "original: Σ Amount × Qty, all lines".to_string(),
        number(original, 0),
        percent(original / correct, 2),
    ])
    .with_row([
        "correct: Σ Amount, non-cancelled lines".to_string(),
        number(correct, 0),
        percent(1.0, 2),
    ])
    .with_row([
        "difference from Qty ≠ 1 on kept lines (Amount is already the line total)".to_string(),
        number(qty_excess, 0),
        percent(qty_excess / correct, 2),
    ])
    .with_row([
        "difference from cancelled lines (Amount × Qty)".to_string(),
        number(cancelled_amount, 0),
        percent(cancelled_amount / correct, 2),
    ])
    .with_note("original − correct = Qty excess + cancelled lines (flaw 10)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> DataFrame {
        df!(
            "Date" => [19082i32, 19082, 19084, 19084],
            "Amount" => [100.0, 50.0, 200.0, 80.0],
            "Qty" => [1i64, 2, 1, 0],
            "Status" => ["Shipped", "Shipped", "Cancelled", "Shipped"]
        )
        .and_then(|mut df| {
            let date = df.column("Date")?.cast(&DataType::Date)?;
            df.with_column(date)?;
            Ok(df)
        })
        .unwrap()
    }

    #[test]
    fn both_definitions_with_a_gap_day() {
        let f = frame();
        let orig = daily_revenue(&f, RevenueDefinition::Original).unwrap();
        assert_eq!(orig.dates, vec![19082, 19083, 19084]);
        assert_eq!(orig.values, vec![200.0, 0.0, 200.0]);
        let corr = daily_revenue(&f, RevenueDefinition::Correct).unwrap();
        assert_eq!(corr.values, vec![150.0, 0.0, 80.0]);
        let t = revenue_definitions_table(&f).unwrap();
        assert_eq!(t.rows().len(), 4);
    }

    #[test]
    fn split_and_partial_days() {
        let s = DailySeries::new("x", 0, vec![1.0, 10.0, 11.0, 9.0, 10.0]).unwrap();
        assert_eq!(s.partial_days(0.5), vec![0]);
        let (a, b) = s.split(3).unwrap();
        assert_eq!((a.len(), b.len(), b.dates[0]), (3, 2, 3));
        assert!(s.split(5).is_err());
        assert!(DailySeries::new("x", 0, vec![]).is_err());
    }
}

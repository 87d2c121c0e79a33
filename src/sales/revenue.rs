//! Daily revenue series built from the cleaned sales frame (polars group-by
//! on `Date`), in the original's definition and in the correct one (flaw 10).

use polars::prelude::*;

use crate::charts::{self, ChartSpec, LineSeries};
use crate::data::dates::iso_date;
use crate::display::{number, percent, Figure, FigureGrid, Table};
use crate::error::{Error, Result};
use crate::frame::f64_values;
use crate::ml::forecast::evaluation::score;
use crate::ml::forecast::{
    moving_average, scores_table, seasonal_naive, Decomposition, Forecast, SarimaFit, SarimaOrder,
    SarimaParams, TestScore,
};

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
    /// Series name (used as the chart legend).
    pub name: String,
    /// Consecutive dates, days since 1970-01-01.
    pub dates: Vec<i32>,
    /// One value per date: revenue in rupees, or its log1p after [`DailySeries::log1p`].
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

    /// exp(value) − 1: back from [`DailySeries::log1p`] to rupees.
    pub fn expm1(&self) -> DailySeries {
        DailySeries {
            name: self
                .name
                .trim_start_matches("log1p(")
                .trim_end_matches(')')
                .to_string(),
            dates: self.dates.clone(),
            values: self.values.iter().map(|v| v.exp_m1()).collect(),
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

    /// The series without the partial days at either end (below `share` of
    /// the median day, see [`DailySeries::partial_days`]).
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when no full day is left.
    pub fn trim_partial_ends(&self, share: f64) -> Result<DailySeries> {
        let partial = self.partial_days(share);
        let first = self.dates.iter().position(|d| !partial.contains(d));
        let last = self.dates.iter().rposition(|d| !partial.contains(d));
        match (first, last) {
            (Some(a), Some(b)) => Ok(DailySeries {
                name: self.name.clone(),
                dates: self.dates[a..=b].to_vec(),
                values: self.values[a..=b].to_vec(),
            }),
            _ => Err(Error::input("daily series", "every day is partial")),
        }
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

    /// Test-period residuals (this series minus `predicted`, day by day) as
    /// a line around zero, as the original plotted them in R-119.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] when `predicted` has another length;
    /// [`Error::Chart`] if drawing fails.
    pub fn residual_chart(&self, predicted: &[f64], title: &str) -> Result<Figure> {
        let residuals: Vec<f64> = self
            .values
            .iter()
            .zip(predicted)
            .map(|(a, p)| a - p)
            .collect();
        let zero = vec![0.0; self.len()];
        charts::line(
            &ChartSpec::new(title)
                .x("date")
                .y("actual − forecast")
                .size(900, 300),
            &[
                LineSeries::new("residual", self.points_of(&residuals)?).with_markers(),
                LineSeries::new("zero", self.points_of(&zero)?).dashed(),
            ],
            true,
        )
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

impl crate::display::AsTable for CycleComparison {
    fn as_table(&self) -> crate::display::Table {
        self.table()
    }
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

/// Flaw 13 made visible: the original's "future" forecast (R-122) is the
/// training-only model's forecast of the test days, relabelled as if it
/// started the day after the data; beside it the model refitted on all days
/// and dated correctly.
#[derive(Debug, Clone, PartialEq)]
pub struct MisdatedForecast {
    /// Days the original's dates are shifted by (19: the test period).
    pub shift_days: i32,
    /// The original's forecast, with the dates the original printed.
    pub as_printed: Forecast,
    /// The refitted model's forecast, dated from the day after the data.
    pub corrected: Forecast,
}

impl MisdatedForecast {
    /// `train_fit` forecasts `steps` days from `train_next` (the day after its
    /// training data), relabelled to start at `data_next`; `full_fit` forecasts
    /// the same number of days from `data_next` (both on the log1p scale).
    ///
    /// # Errors
    /// As [`SarimaFit::predict`].
    pub fn new(
        train_fit: &SarimaFit,
        full_fit: &SarimaFit,
        train_next: i32,
        data_next: i32,
        steps: usize,
    ) -> Result<Self> {
        let mut as_printed = train_fit.predict(train_next, steps, &[])?;
        as_printed.dates = as_printed
            .dates
            .iter()
            .map(|d| d - train_next + data_next)
            .collect();
        Ok(MisdatedForecast {
            shift_days: data_next - train_next,
            as_printed,
            corrected: full_fit.predict(data_next, steps, &[])?,
        })
    }

    /// The history and both forecasts in rupees (expm1 of the log1p values).
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn chart(&self, log_history: &DailySeries) -> Result<Figure> {
        let rupees = |f: &Forecast| f.map(f64::exp_m1).points();
        charts::line(
            &ChartSpec::new(format!(
                "Flaw 13: the original's forecast is shifted by {} days",
                self.shift_days
            ))
            .x("date")
            .y("revenue (₹)")
            .size(900, 380),
            &[
                LineSeries::new("observed", log_history.expm1().points()),
                LineSeries::new(
                    format!(
                        "original (train-only model, dates shifted {} days)",
                        self.shift_days
                    ),
                    rupees(&self.as_printed),
                )
                .dashed(),
                LineSeries::new(
                    "refitted on all days, dated from the day after the data",
                    rupees(&self.corrected),
                )
                .dashed(),
            ],
            true,
        )
    }

    /// The first `rows` days: the date, the original's printed value, the
    /// day that value really forecast, and the corrected forecast (₹).
    pub fn table(&self, rows: usize) -> Table {
        let mut t = Table::new(
            "Original (misdated) vs refitted forecast, first days",
            [
                "date",
                "original printed ₹",
                "really the forecast of",
                "refitted ₹",
            ],
        );
        for i in 0..rows.min(self.as_printed.len()).min(self.corrected.len()) {
            let date = self.as_printed.dates[i];
            t.push_row([
                iso_date(date),
                number(self.as_printed.point[i].exp_m1(), 0),
                iso_date(date - self.shift_days),
                number(self.corrected.point[i].exp_m1(), 0),
            ]);
        }
        let gap: f64 = self
            .as_printed
            .point
            .iter()
            .zip(&self.corrected.point)
            .map(|(a, b)| (a.exp_m1() - b.exp_m1()).abs())
            .sum::<f64>()
            / self.as_printed.len().max(1) as f64;
        t.with_note(format!(
            "Mean absolute gap between the two forecasts over {} days: ₹{} a day.",
            self.as_printed.len(),
            number(gap, 0)
        ))
    }
}

/// The study's promise of a weekly cycle kept (R-115..R-123 redone): on the
/// series without its partial first and last days, SARIMA(1,0,1)(1,1,1,7)
/// against the original's (1,0,1)(1,1,1,14) on the same last `test_days`,
/// and the weekly model refitted on every full day for a `horizon`-day forecast.
#[derive(Debug, Clone)]
pub struct CycleComparison {
    /// The full days (rupees).
    pub full_days: DailySeries,
    /// Test-period scores: 14-day cycle, 7-day cycle, seasonal naive.
    pub scores: Vec<TestScore>,
    /// The weekly model's forecast after the last full day (log1p scale, 80/95 % intervals).
    pub weekly_forecast: Forecast,
}

impl CycleComparison {
    /// Fits and scores both cycles on `revenue` (rupees, daily).
    ///
    /// # Errors
    /// As [`DailySeries::trim_partial_ends`], [`DailySeries::split`] and the SARIMA fits.
    pub fn run(revenue: &DailySeries, test_days: usize, horizon: usize) -> Result<Self> {
        let full_days = revenue.trim_partial_ends(0.5)?;
        let log = full_days.log1p();
        let (train, test) = log.split(log.len().saturating_sub(test_days))?;
        let fortnightly =
            SarimaParams::new(SarimaOrder::new((1, 0, 1), (1, 1, 1, 14))).fit(&train.values)?;
        let weekly_order = SarimaOrder::new((1, 0, 1), (1, 1, 1, 7));
        let weekly = SarimaParams::new(weekly_order).fit(&train.values)?;
        let next = test.dates[0];
        let scores = vec![
            score(
                "SARIMA(1,0,1)(1,1,1,14), the original's cycle",
                &test.values,
                &fortnightly.predict(next, test.len(), &[])?.point,
            )?,
            score(
                "SARIMA(1,0,1)(1,1,1,7), weekly cycle",
                &test.values,
                &weekly.predict(next, test.len(), &[])?.point,
            )?,
            score(
                "seasonal naive (lag 7)",
                &test.values,
                &seasonal_naive(&train.values, 7, test.len())?,
            )?,
        ];
        let refit = SarimaParams::new(weekly_order).fit(&log.values)?;
        let weekly_forecast = refit.predict(log.span().1 + 1, horizon, &[0.8, 0.95])?;
        Ok(CycleComparison {
            full_days,
            scores,
            weekly_forecast,
        })
    }

    /// The test-period scores.
    pub fn table(&self) -> Table {
        let (first, last) = self.full_days.span();
        scores_table(
            &format!(
                "7-day vs 14-day cycle on full days {}..{}, last days as test",
                iso_date(first),
                iso_date(last)
            ),
            &self.scores,
        )
    }

    /// The full days and the weekly model's forecast with its intervals (log1p).
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn chart(&self) -> Result<Figure> {
        charts::forecast_band(
            &ChartSpec::new(format!(
                "Weekly-cycle SARIMA on full days: {}-day forecast (log1p)",
                self.weekly_forecast.len()
            ))
            .x("date")
            .y("log1p revenue")
            .size(900, 380),
            &self.full_days.log1p().points(),
            &self.weekly_forecast,
            None,
        )
    }
}

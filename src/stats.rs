//! Small descriptive statistics with pandas' conventions (sample standard
//! deviation with ddof 1, quantiles interpolated linearly), used by `describe`
//! tables, outlier rules and charts.

use crate::error::{Error, Result};

/// The `q` quantile (0..=1) with linear interpolation, as pandas/numpy default.
/// Sorts `values` in place; NaN values must be removed first.
///
/// ```
/// let mut v = vec![4.0, 1.0, 3.0, 2.0];
/// assert_eq!(amazon_sales::stats::quantile(&mut v, 0.5).unwrap(), 2.5);
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when `values` is empty or holds NaN, [`Error::InvalidParameter`] when q is outside 0..=1.
pub fn quantile(values: &mut [f64], q: f64) -> Result<f64> {
    if !(0.0..=1.0).contains(&q) {
        return Err(Error::param("q", format!("{q} is outside 0..=1")));
    }
    if values.is_empty() {
        return Err(Error::input("quantile", "no values"));
    }
    if values.iter().any(|v| v.is_nan()) {
        return Err(Error::input("quantile", "values contain NaN"));
    }
    values.sort_by(f64::total_cmp);
    let pos = q * (values.len() - 1) as f64;
    let (lo, hi) = (pos.floor() as usize, pos.ceil() as usize);
    Ok(values[lo] + (values[hi] - values[lo]) * (pos - lo as f64))
}

/// Arithmetic mean; NaN for an empty slice.
///
/// ```
/// assert_eq!(amazon_sales::stats::mean(&[1.0, 2.0, 3.0]), 2.0);
/// ```
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// Sample standard deviation (ddof 1); NaN for fewer than two values.
///
/// ```
/// assert!((amazon_sales::stats::std_dev(&[1.0, 2.0, 3.0, 4.0]) - 1.2909944).abs() < 1e-6);
/// ```
pub fn std_dev(values: &[f64]) -> f64 {
    let m = mean(values);
    let ss: f64 = values.iter().map(|v| (v - m).powi(2)).sum();
    (ss / (values.len() as f64 - 1.0)).sqrt()
}

/// Pearson correlation of two equally long slices; NaN when either is constant.
///
/// ```
/// let r = amazon_sales::stats::pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]);
/// assert!((r - 0.9933).abs() < 1e-4);
/// ```
pub fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let (mx, my) = (mean(x), mean(y));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    sxy / (sxx * syy).sqrt()
}

/// The `k`-th central moment, Σ(v − mean)^k / n (0 for no values).
///
/// ```
/// let m2 = amazon_sales::stats::central_moment(&[1.0, 2.0, 3.0, 4.0], 2);
/// assert!((m2 - 1.25).abs() < 1e-12);
/// ```
pub fn central_moment(values: &[f64], k: i32) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let m = mean(values);
    values.iter().map(|v| (v - m).powi(k)).sum::<f64>() / values.len() as f64
}

/// Sample skewness m₃ / m₂^1.5, biased (pandas' `skew(bias=True)`, scipy's
/// `skew`, statsmodels' `jarque_bera`); 0 for constant values.
///
/// ```
/// // scipy.stats.skew([1, 2, 3, 10]) → 1.0182337649086284
/// let s = amazon_sales::stats::skew(&[1.0, 2.0, 3.0, 10.0]);
/// assert!((s - 1.0182337649086284).abs() < 1e-12);
/// ```
pub fn skew(values: &[f64]) -> f64 {
    let m2 = central_moment(values, 2);
    if m2 > 0.0 {
        central_moment(values, 3) / m2.powf(1.5)
    } else {
        0.0
    }
}

/// Spearman's rank correlation: [`pearson`] of the ranks, ties given their
/// mean rank (scipy's `spearmanr`).
///
/// ```
/// // scipy.stats.spearmanr([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) → 0.8207826816681233
/// let r = amazon_sales::stats::spearman(&[1.0, 2.0, 3.0, 4.0, 5.0], &[5.0, 6.0, 7.0, 8.0, 7.0]);
/// assert!((r - 0.8207826816681233).abs() < 1e-12);
/// ```
pub fn spearman(x: &[f64], y: &[f64]) -> f64 {
    pearson(&ranks(x), &ranks(y))
}

/// 1-based ranks, ties averaged.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let tied = order[start..]
            .iter()
            .take_while(|&&i| values[i] == values[order[start]])
            .count();
        let mean_rank = start as f64 + (tied as f64 + 1.0) / 2.0;
        for &i in &order[start..start + tied] {
            ranks[i] = mean_rank;
        }
        start += tied.max(1);
    }
    ranks
}

/// Summary of one numeric column: count, mean, std, min, quartiles, max (pandas `describe`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    /// Number of finite values.
    pub count: usize,
    /// Arithmetic mean.
    pub mean: f64,
    /// Sample standard deviation (n − 1 denominator).
    pub std: f64,
    /// Smallest value.
    pub min: f64,
    /// First quartile (linear interpolation).
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// Third quartile (linear interpolation).
    pub q3: f64,
    /// Largest value.
    pub max: f64,
}

/// [`Summary`] of the finite values in `values`.
///
/// # Errors
/// [`Error::InvalidInput`] when there is no finite value.
pub fn summarise(values: &[f64]) -> Result<Summary> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return Err(Error::input("summarise", "no finite values"));
    }
    let q1 = quantile(&mut v, 0.25)?;
    Ok(Summary {
        count: v.len(),
        mean: mean(&v),
        std: std_dev(&v),
        min: v[0],
        q1,
        median: quantile(&mut v, 0.5)?,
        q3: quantile(&mut v, 0.75)?,
        max: v[v.len() - 1],
    })
}

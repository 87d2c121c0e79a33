//! Davies–Bouldin index (lower is better).
//!
//! Written here because linfa 0.8.1 (checked: `linfa::metrics`,
//! linfa-clustering) offers only the silhouette score. Same definition as
//! `sklearn.metrics.davies_bouldin_score`.

use ndarray::{Array2, ArrayView1, ArrayView2};

use crate::error::{Error, Result};

/// Mean over clusters of the worst ratio (sᵢ + sⱼ) / d(cᵢ, cⱼ), where sᵢ is the
/// mean distance of cluster i's points to its centroid cᵢ.
///
/// ```
/// use ndarray::array;
/// let x = array![[0.0], [1.0], [10.0], [11.0]];
/// let db = amazon_sales::ml::cluster::davies_bouldin(x.view(), array![0, 0, 1, 1].view())?;
/// assert!((db - 0.1).abs() < 1e-12);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] for mismatched lengths, non-finite values or fewer
/// than 2 non-empty clusters.
pub fn davies_bouldin(x: ArrayView2<f64>, labels: ArrayView1<usize>) -> Result<f64> {
    if x.nrows() != labels.len() || x.iter().any(|v| !v.is_finite()) {
        return Err(Error::input(
            "Davies–Bouldin",
            "labels must match the rows and values must be finite",
        ));
    }
    let k = labels.iter().max().map_or(0, |&m| m + 1);
    let mut sizes = vec![0usize; k];
    let mut centroids = Array2::<f64>::zeros((k, x.ncols()));
    for (row, &l) in x.rows().into_iter().zip(labels.iter()) {
        sizes[l] += 1;
        let mut c = centroids.row_mut(l);
        c += &row;
    }
    let used: Vec<usize> = (0..k).filter(|&c| sizes[c] > 0).collect();
    if used.len() < 2 {
        return Err(Error::input("Davies–Bouldin", "needs at least 2 clusters"));
    }
    for &c in &used {
        let mut row = centroids.row_mut(c);
        row /= sizes[c] as f64;
    }
    let dist = |a: ArrayView1<f64>, b: ArrayView1<f64>| {
        a.iter()
            .zip(b.iter())
            .map(|(p, q)| (p - q) * (p - q))
            .sum::<f64>()
            .sqrt()
    };
    let mut spread = vec![0.0; k];
    for (row, &l) in x.rows().into_iter().zip(labels.iter()) {
        spread[l] += dist(row, centroids.row(l));
    }
    for &c in &used {
        spread[c] /= sizes[c] as f64;
    }
    let mut total = 0.0;
    for &i in &used {
        let worst = used
            .iter()
            .filter(|&&j| j != i)
            .map(|&j| {
                let d = dist(centroids.row(i), centroids.row(j));
                if d > 0.0 {
                    (spread[i] + spread[j]) / d
                } else {
                    f64::INFINITY
                }
            })
            .fold(0.0, f64::max);
        total += worst;
    }
    Ok(total / used.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::super::silhouette::tests::eight_points;
    use super::*;

    // sklearn 1.5.2 davies_bouldin_score on the silhouette test's points: 0.3827966375368373
    #[test]
    fn matches_sklearn() {
        let (x, labels) = eight_points();
        let db = davies_bouldin(x.view(), labels.view()).unwrap();
        assert!((db - 0.3827966375368373).abs() < 1e-9, "{db}");
        assert!(davies_bouldin(x.view(), ndarray::Array1::<usize>::zeros(8).view()).is_err());
    }
}

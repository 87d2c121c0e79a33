//! Simpler answers to class imbalance than SMOTE: random over-sampling and
//! "balanced" class weights (scikit-learn's `class_weight="balanced"`).
//! Apply either to the training part only.

use ndarray::{Array1, Array2, ArrayView1, ArrayView2, Axis};
use rand::Rng;
use rand::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::error::{Error, Result};

fn class_counts(context: &'static str, y: ArrayView1<usize>) -> Result<Vec<usize>> {
    let n = y.iter().max().map_or(0, |&m| m + 1);
    let mut counts = vec![0usize; n];
    y.iter().for_each(|&c| counts[c] += 1);
    if counts.iter().filter(|&&c| c > 0).count() < 2 {
        return Err(Error::input(context, "y must hold at least two classes"));
    }
    Ok(counts)
}

/// Duplicates random rows (with replacement, seeded) of every smaller class
/// until each has as many rows as the largest; the copies are appended.
///
/// ```
/// use ndarray::array;
/// let x = array![[0.0], [1.0], [2.0], [9.0]];
/// let (xr, yr) = amazon_sales::ml::balance::random_oversample(x.view(), array![0, 0, 0, 1].view(), 42)?;
/// assert_eq!((xr.nrows(), yr.sum()), (6, 3));
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when lengths differ or `y` has one class.
pub fn random_oversample(
    x: ArrayView2<f64>,
    y: ArrayView1<usize>,
    seed: u64,
) -> Result<(Array2<f64>, Array1<usize>)> {
    if x.nrows() != y.len() {
        return Err(Error::input(
            "random over-sampling",
            "x and y lengths differ",
        ));
    }
    let counts = class_counts("random over-sampling", y)?;
    let target = counts.iter().copied().max().unwrap_or(0);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut rows: Vec<usize> = (0..y.len()).collect();
    let mut labels = y.to_vec();
    for (class, &count) in counts.iter().enumerate() {
        if count == 0 || count == target {
            continue;
        }
        let members: Vec<usize> = (0..y.len()).filter(|&i| y[i] == class).collect();
        for _ in count..target {
            rows.push(members[rng.gen_range(0..members.len())]);
            labels.push(class);
        }
    }
    Ok((x.select(Axis(0), &rows), Array1::from(labels)))
}

/// Weight per class, n / (classes × count), so each class carries equal total
/// weight; classes absent from `y` get 0.
///
/// ```
/// use ndarray::array;
/// let w = amazon_sales::ml::balance::class_weights(array![0, 0, 0, 1].view())?;
/// assert_eq!(w, vec![4.0 / 6.0, 2.0]);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when `y` has one class.
pub fn class_weights(y: ArrayView1<usize>) -> Result<Vec<f64>> {
    let counts = class_counts("class weights", y)?;
    let present = counts.iter().filter(|&&c| c > 0).count() as f64;
    let n = y.len() as f64;
    Ok(counts
        .iter()
        .map(|&c| if c > 0 { n / (present * c as f64) } else { 0.0 })
        .collect())
}

/// The class weight of each row.
///
/// # Errors
/// As [`class_weights`].
pub fn sample_weights(y: ArrayView1<usize>) -> Result<Array1<f64>> {
    let w = class_weights(y)?;
    Ok(y.mapv(|c| w[c]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn weights_match_sklearn_balanced() {
        // sklearn compute_class_weight("balanced", classes=[0,1], y=[0]*95+[1]*5): [0.5263, 10.0]
        let y: Array1<usize> = (0..100).map(|i| usize::from(i >= 95)).collect();
        let w = class_weights(y.view()).unwrap();
        assert!((w[0] - 100.0 / 190.0).abs() < 1e-12);
        assert!((w[1] - 10.0).abs() < 1e-12);
        assert_eq!(sample_weights(y.view()).unwrap()[99], 10.0);
        assert!(class_weights(array![1, 1].view()).is_err());
    }

    #[test]
    fn oversampling_is_seeded() {
        let x = array![[0.0], [1.0], [2.0], [3.0], [8.0], [9.0]];
        let y = array![0, 0, 0, 0, 1, 1];
        let a = random_oversample(x.view(), y.view(), 42).unwrap();
        assert_eq!(a, random_oversample(x.view(), y.view(), 42).unwrap());
        assert!(a.0.slice(ndarray::s![6.., 0]).iter().all(|&v| v >= 8.0));
    }
}

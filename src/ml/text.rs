//! Text vectors for the product clustering (P-82, P-83): TF-IDF with a
//! vocabulary cap, then a truncated SVD.
//!
//! **TF-IDF.** Tokens and counts come from linfa-preprocessing's
//! `CountVectorizer`, whose default token pattern `\b\w\w+\b` and
//! lower-casing are scikit-learn's `TfidfVectorizer` defaults. Two things
//! differ from scikit-learn, so they are done here:
//! * linfa's `max_features` keeps the terms with the highest *document*
//!   frequency; scikit-learn keeps the highest *total count* over the corpus
//!   (ties broken alphabetically here; numpy's unstable sort may break a tie
//!   at the cut the other way);
//! * linfa's `TfIdfVectorizer` does not normalise rows; scikit-learn divides
//!   each row by its L2 norm (`norm="l2"`), done here (linfa's `NormScaler`
//!   turns an all-zero row into NaN; scikit-learn keeps it at zero).
//!
//! The idf is linfa's smooth idf, ln((1 + n) / (1 + df)) + 1, as
//! scikit-learn's `smooth_idf=True`. linfa also NFKD-normalises the text,
//! which changes nothing on the already-cleaned ASCII text.
//!
//! **Truncated SVD.** Exact (up to rounding): nalgebra's symmetric
//! eigendecomposition of the Gram matrix XᵀX gives the right singular vectors
//! and σ² (twice as fast as nalgebra's Golub–Kahan SVD on the 1,394 × 1,000
//! TF-IDF matrix; squaring the condition number only blurs singular values far
//! below the ones kept). scikit-learn's `TruncatedSVD` uses
//! a randomized solver (5 power iterations), which approximates the same
//! subspace; its explained-variance ratio is the one computed here (variance
//! of each projected column over the total column variance of the input).

use linfa_preprocessing::tf_idf_vectorization::TfIdfVectorizer;
use linfa_preprocessing::CountVectorizer;
use nalgebra::{DMatrix, SymmetricEigen};
use ndarray::{Array1, Array2, ArrayView2, Axis};

use crate::display::{number, Table};
use crate::error::{Error, Result};

/// TF-IDF settings (scikit-learn's defaults plus a vocabulary cap).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TfidfParams {
    /// Keep only the most frequent terms (total count over the corpus).
    /// `None` keeps every term. Default 1,000 (P-82).
    pub max_features: Option<usize>,
}

impl Default for TfidfParams {
    fn default() -> Self {
        Self {
            max_features: Some(1000),
        }
    }
}

impl TfidfParams {
    /// Sets the vocabulary cap.
    pub fn max_features(mut self, max_features: Option<usize>) -> Self {
        self.max_features = max_features;
        self
    }

    /// Checks the settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `max_features` is `Some(0)`.
    pub fn check(&self) -> Result<()> {
        if self.max_features == Some(0) {
            return Err(Error::param("max_features", "must be at least 1"));
        }
        Ok(())
    }

    /// Learns the vocabulary and idf from `docs` and returns their dense
    /// L2-normalised TF-IDF matrix (documents × terms, terms in alphabetical
    /// order as scikit-learn's `get_feature_names_out`).
    ///
    /// ```
    /// use amazon_sales::ml::text::TfidfParams;
    /// let docs = ["usb cable fast charging", "fast charging adapter", "usb hub"];
    /// let tfidf = TfidfParams::default().max_features(Some(3)).fit_transform(&docs)?;
    /// assert_eq!(tfidf.vocabulary(), ["charging", "fast", "usb"]);
    /// let norm: f64 = tfidf.matrix().row(0).iter().map(|v| v * v).sum();
    /// assert!((norm - 1.0).abs() < 1e-12);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// Parameter errors from [`check`](Self::check); [`Error::InvalidInput`]
    /// when there are no documents or no document holds a token.
    pub fn fit_transform<S: AsRef<str>>(&self, docs: &[S]) -> Result<Tfidf> {
        self.check()?;
        if docs.is_empty() {
            return Err(Error::input("TF-IDF", "no documents"));
        }
        let docs = Array1::from_iter(docs.iter().map(|d| d.as_ref().to_string()));
        let counter = CountVectorizer::params()
            .fit(&docs)
            .map_err(|e| Error::model("TF-IDF", e))?;
        let words = counter.vocabulary().clone();
        if words.is_empty() {
            return Err(Error::input(
                "TF-IDF",
                "no document holds a token of two or more word characters",
            ));
        }
        let counts = counter
            .transform(&docs)
            .map_err(|e| Error::model("TF-IDF", e))?;
        let mut totals = vec![0usize; words.len()];
        for row in counts.outer_iterator() {
            for (j, c) in row.iter() {
                totals[j] += *c;
            }
        }
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_by(|&a, &b| {
            totals[b]
                .cmp(&totals[a])
                .then_with(|| words[a].cmp(&words[b]))
        });
        order.truncate(self.max_features.unwrap_or(words.len()));
        let vocabulary: Vec<String> = order.into_iter().map(|j| words[j].clone()).collect();

        let tfidf = TfIdfVectorizer::default()
            .fit_vocabulary(&vocabulary)
            .map_err(|e| Error::model("TF-IDF", e))?;
        let weights = tfidf
            .transform(&docs)
            .map_err(|e| Error::model("TF-IDF", e))?;
        // linfa's column order is its own; put the terms in alphabetical order.
        let fitted = tfidf.vocabulary();
        let mut columns: Vec<usize> = (0..fitted.len()).collect();
        columns.sort_by(|&a, &b| fitted[a].cmp(&fitted[b]));
        let mut matrix: Array2<f64> = weights.to_dense().select(Axis(1), &columns);
        // L2 row norm; rows without a kept term stay zero (linfa's NormScaler would give NaN).
        for mut row in matrix.rows_mut() {
            let norm = row.dot(&row).sqrt();
            if norm > 0.0 {
                row /= norm;
            }
        }
        Ok(Tfidf {
            vocabulary: columns.iter().map(|&j| fitted[j].clone()).collect(),
            matrix,
        })
    }
}

/// A fitted TF-IDF: the kept terms and the document-term matrix.
#[derive(Debug, Clone, PartialEq)]
pub struct Tfidf {
    vocabulary: Vec<String>,
    matrix: Array2<f64>,
}

impl Tfidf {
    /// Kept terms, in column order (alphabetical).
    pub fn vocabulary(&self) -> &[String] {
        &self.vocabulary
    }

    /// Documents × terms, rows L2-normalised.
    pub fn matrix(&self) -> &Array2<f64> {
        &self.matrix
    }

    /// Vocabulary size, documents, share of non-zero cells and the terms
    /// with the largest mean weight.
    pub fn summary(&self, top: usize) -> Table {
        let cells = self.matrix.len().max(1) as f64;
        let nonzero = self.matrix.iter().filter(|v| **v != 0.0).count() as f64;
        let means = self.matrix.mean_axis(Axis(0)).unwrap_or_default();
        let mut ranked: Vec<(usize, f64)> = means.iter().copied().enumerate().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
        let terms: Vec<&str> = ranked
            .iter()
            .take(top)
            .map(|(j, _)| self.vocabulary[*j].as_str())
            .collect();
        Table::new(
            "TF-IDF matrix",
            [
                "documents",
                "terms",
                "non-zero cells",
                "top terms (mean weight)",
            ],
        )
        .with_row([
            self.matrix.nrows().to_string(),
            self.vocabulary.len().to_string(),
            format!("{:.2} %", 100.0 * nonzero / cells),
            terms.join(", "),
        ])
    }
}

/// Truncated SVD settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SvdParams {
    /// Number of components kept (default 300, P-83).
    pub n_components: usize,
}

impl Default for SvdParams {
    fn default() -> Self {
        Self { n_components: 300 }
    }
}

impl SvdParams {
    /// `n_components` components.
    pub fn new(n_components: usize) -> Self {
        Self { n_components }
    }

    /// Checks the settings against an input of `rows` × `cols`.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `n_components` is 0 or not below
    /// min(rows, cols) (scikit-learn's limit for truncated SVD).
    pub fn check(&self, rows: usize, cols: usize) -> Result<()> {
        let limit = rows.min(cols);
        if self.n_components == 0 || self.n_components >= limit.max(1) {
            return Err(Error::param(
                "n_components",
                format!(
                    "must be in 1..{limit} for a {rows} × {cols} input, got {}",
                    self.n_components
                ),
            ));
        }
        Ok(())
    }

    /// Projects the rows of `x` on its first `n_components` right singular
    /// vectors (no centring, as scikit-learn's `TruncatedSVD`).
    ///
    /// ```
    /// use amazon_sales::ml::text::SvdParams;
    /// use ndarray::array;
    /// let x = array![[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 0.1], [1.0, 1.0, 0.0]];
    /// let svd = SvdParams::new(2).fit(x.view())?;
    /// assert_eq!(svd.transformed().dim(), (4, 2));
    /// assert!(svd.explained_variance_ratio().sum() > 0.95);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    ///
    /// # Errors
    /// Parameter errors from [`check`](Self::check); [`Error::InvalidInput`]
    /// for NaN or infinite values; [`Error::NotConverged`] if the SVD fails.
    pub fn fit(&self, x: ArrayView2<f64>) -> Result<TruncatedSvd> {
        let (n, d) = x.dim();
        self.check(n, d)?;
        if x.iter().any(|v| !v.is_finite()) {
            return Err(Error::input(
                "truncated SVD",
                "data contain NaN or infinity",
            ));
        }
        let (singular_values, right_vectors) = top_right_singular_vectors(x, self.n_components)?;
        let mut components = Array2::zeros((self.n_components, d));
        for (c, row) in right_vectors.iter().enumerate() {
            // sign: largest-magnitude loading positive (a stable convention)
            let big = row
                .iter()
                .copied()
                .fold(0.0f64, |b, v| if v.abs() > b.abs() { v } else { b });
            let sign = if big < 0.0 { -1.0 } else { 1.0 };
            for j in 0..d {
                components[[c, j]] = sign * row[j];
            }
        }
        let transformed = x.dot(&components.t());
        let total = x.var_axis(Axis(0), 0.0).sum();
        let ratio = if total > 0.0 {
            transformed.var_axis(Axis(0), 0.0) / total
        } else {
            Array1::zeros(self.n_components)
        };
        Ok(TruncatedSvd {
            components,
            singular_values,
            transformed,
            explained_variance_ratio: ratio,
        })
    }
}

/// The `k` largest singular values of `x` and their right singular vectors,
/// from the symmetric eigendecomposition of the smaller Gram matrix (XᵀX, or
/// XXᵀ for wide inputs, then V = XᵀU / σ).
fn top_right_singular_vectors(
    x: ArrayView2<f64>,
    k: usize,
) -> Result<(Array1<f64>, Vec<Vec<f64>>)> {
    let (n, d) = x.dim();
    let wide = d > n;
    let gram = if wide { x.dot(&x.t()) } else { x.t().dot(&x) };
    let size = gram.nrows();
    let eigen = SymmetricEigen::try_new(
        DMatrix::from_fn(size, size, |i, j| gram[[i, j]]),
        f64::EPSILON,
        0,
    )
    .ok_or_else(|| Error::NotConverged {
        model: "SVD",
        reason: "nalgebra's symmetric eigendecomposition did not converge".into(),
    })?;
    let mut order: Vec<usize> = (0..size).collect();
    order.sort_by(|&a, &b| eigen.eigenvalues[b].total_cmp(&eigen.eigenvalues[a]));
    order.truncate(k);
    let values = Array1::from_iter(order.iter().map(|&i| eigen.eigenvalues[i].max(0.0).sqrt()));
    let vectors = order
        .iter()
        .zip(values.iter())
        .map(|(&i, &sigma)| {
            let v = eigen.eigenvectors.column(i);
            if !wide {
                return v.iter().copied().collect();
            }
            // right vector from the left one: v = Xᵀu / σ (zero when σ = 0)
            (0..d)
                .map(|j| {
                    let dot: f64 = (0..n).map(|r| x[[r, j]] * v[r]).sum();
                    if sigma > 0.0 {
                        dot / sigma
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect();
    Ok((values, vectors))
}

/// A fitted truncated SVD and the projected rows.
#[derive(Debug, Clone, PartialEq)]
pub struct TruncatedSvd {
    components: Array2<f64>,
    singular_values: Array1<f64>,
    transformed: Array2<f64>,
    explained_variance_ratio: Array1<f64>,
}

impl TruncatedSvd {
    /// Components × input columns (right singular vectors).
    pub fn components(&self) -> &Array2<f64> {
        &self.components
    }

    /// Singular values, largest first.
    pub fn singular_values(&self) -> &Array1<f64> {
        &self.singular_values
    }

    /// The input rows projected on the components (rows × components).
    pub fn transformed(&self) -> &Array2<f64> {
        &self.transformed
    }

    /// Share of the input's total variance carried by each component.
    pub fn explained_variance_ratio(&self) -> &Array1<f64> {
        &self.explained_variance_ratio
    }

    /// Total explained variance and the cumulative share at a few component counts.
    pub fn summary(&self) -> Table {
        let cumulative: Vec<f64> = self
            .explained_variance_ratio
            .iter()
            .scan(0.0, |s, v| {
                *s += v;
                Some(*s)
            })
            .collect();
        let mut t = Table::new(
            "Truncated SVD: cumulative explained variance",
            ["components", "explained variance"],
        );
        for k in [10usize, 50, 100, 200, cumulative.len()] {
            if k >= 1 && k <= cumulative.len() {
                t.push_row([k.to_string(), number(cumulative[k - 1], 4)]);
            }
        }
        t
    }
}

impl crate::display::AsTable for TruncatedSvd {
    fn as_table(&self) -> crate::display::Table {
        self.summary()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn tfidf_matches_scikit_learn_on_a_small_corpus() {
        // scikit-learn 1.5.2: TfidfVectorizer().fit_transform(docs).toarray().round(6)
        let docs = ["the cat sat", "the cat ate the fish", "a dog"];
        let t = TfidfParams::default().fit_transform(&docs).unwrap();
        assert_eq!(t.vocabulary(), ["ate", "cat", "dog", "fish", "sat", "the"]);
        let expected = array![
            [0.0, 0.517856, 0.0, 0.0, 0.680919, 0.517856],
            [0.452123, 0.343851, 0.0, 0.452123, 0.0, 0.687703],
            [0.0, 0.0, 1.0, 0.0, 0.0, 0.0],
        ];
        for (a, b) in t.matrix().iter().zip(expected.iter()) {
            assert!((a - b).abs() < 1e-6, "{a} vs {b}");
        }
    }

    #[test]
    fn max_features_keeps_the_most_frequent_terms_by_total_count() {
        // "zeta" is in one document but counted 3 times; "beta" in two documents once each.
        let docs = ["zeta zeta zeta alpha", "beta alpha", "beta gamma"];
        let t = TfidfParams::default()
            .max_features(Some(2))
            .fit_transform(&docs)
            .unwrap();
        assert_eq!(t.vocabulary(), ["alpha", "zeta"]);
    }

    #[test]
    fn bad_text_input_is_an_error() {
        let none: [&str; 0] = [];
        assert!(matches!(
            TfidfParams::default().fit_transform(&none),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            TfidfParams::default().fit_transform(&["", " ", "a"]),
            Err(Error::InvalidInput { .. })
        ));
        assert!(matches!(
            TfidfParams::default()
                .max_features(Some(0))
                .fit_transform(&["ab"]),
            Err(Error::InvalidParameter { .. })
        ));
    }

    #[test]
    fn svd_matches_numpy() {
        // numpy: s = np.linalg.svd(x, compute_uv=False) → [3.0, 1.0] for this matrix
        let x = array![[2.0, 0.0], [0.0, 1.0], [1.0, 0.0], [2.0, 0.0]];
        let svd = SvdParams::new(1).fit(x.view()).unwrap();
        assert!((svd.singular_values()[0] - 3.0).abs() < 1e-12);
        // projection on the first component = first column
        assert_eq!(
            svd.transformed().column(0).to_vec(),
            vec![2.0, 0.0, 1.0, 2.0]
        );
        // variance of col 0 = 0.6875, col 1 = 0.1875 → ratio 0.6875 / 0.875
        assert!((svd.explained_variance_ratio()[0] - 0.6875 / 0.875).abs() < 1e-12);
    }

    #[test]
    fn gram_route_matches_nalgebra_svd_on_tall_and_wide_inputs() {
        let tall = Array2::from_shape_fn((40, 12), |(i, j)| ((i * 31 + j * 17) % 13) as f64 / 7.0);
        for x in [tall.clone(), tall.t().to_owned()] {
            let k = 5;
            let ours = SvdParams::new(k).fit(x.view()).unwrap();
            let m = DMatrix::from_fn(x.nrows(), x.ncols(), |i, j| x[[i, j]]);
            let reference = m.svd(false, true);
            let mut sigma: Vec<f64> = reference.singular_values.iter().copied().collect();
            sigma.sort_by(|a, b| b.total_cmp(a));
            for c in 0..k {
                assert!((ours.singular_values()[c] - sigma[c]).abs() < 1e-9 * sigma[0]);
                // each component is a unit vector with X·v of norm σ
                let v = ours.components().row(c);
                assert!((v.dot(&v) - 1.0).abs() < 1e-9);
                let xv = x.dot(&v);
                assert!((xv.dot(&xv).sqrt() - sigma[c]).abs() < 1e-9 * sigma[0]);
            }
        }
    }

    #[test]
    fn svd_rejects_bad_input() {
        let x = array![[1.0, 2.0], [3.0, f64::NAN], [0.0, 1.0]];
        assert!(matches!(
            SvdParams::new(1).fit(x.view()),
            Err(Error::InvalidInput { .. })
        ));
        let x = array![[1.0, 2.0], [3.0, 4.0], [0.0, 1.0]];
        assert!(matches!(
            SvdParams::new(2).fit(x.view()),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(matches!(
            SvdParams::new(0).fit(x.view()),
            Err(Error::InvalidParameter { .. })
        ));
    }
}

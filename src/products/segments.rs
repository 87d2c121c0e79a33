//! Improved K-Means on interpretable product numbers (P-X1..P-X6): the
//! feature matrix (which columns, which transform, which scaler), the k
//! sweep with its charts, the k = 3 fit with segments named from their
//! profiles, a scatter, and one recommendation per segment.

use ndarray::Array2;
use polars::prelude::DataFrame;

use crate::charts::{bar, scatter, ChartSpec, ScatterGroup};
use crate::display::{number, thousands, Figure, Table};
use crate::error::{Error, Result};
use crate::frame::f64_values;
use crate::ml::cluster::{silhouette, KMeansParams, KSweep};
use crate::ml::scale::{ScaleMethod, Scaler};
use crate::stats::{mean, quantile};

/// Which numbers, transformed how, scaled how, and the K-Means settings.
///
/// ```
/// use amazon_sales::ml::scale::ScaleMethod;
/// use amazon_sales::products::segments::SegmentParams;
/// let p = SegmentParams::new();
/// assert_eq!(p.scaling, ScaleMethod::Robust);
/// assert!(SegmentParams::new().features(&[]).check().is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentParams {
    /// Numeric product columns.
    pub features: Vec<String>,
    /// log1p of prices and rating_count before scaling.
    pub log: bool,
    /// The scaler.
    pub scaling: ScaleMethod,
    /// K-Means (k, runs, seed).
    pub kmeans: KMeansParams,
}

impl Default for SegmentParams {
    fn default() -> Self {
        SegmentParams::new()
    }
}

/// The profile columns (rupees, fraction, stars, count).
const PROFILE: [&str; 5] = [
    "discounted_price",
    "actual_price",
    "discount_percentage",
    "rating",
    "rating_count",
];

impl SegmentParams {
    /// discounted_price, discount_percentage, rating and rating_count, no
    /// transform, robust scaling, k = 3, 10 k-means++ runs, seed 42.
    pub fn new() -> Self {
        SegmentParams {
            features: [
                "discounted_price",
                "discount_percentage",
                "rating",
                "rating_count",
            ]
            .map(String::from)
            .to_vec(),
            log: false,
            scaling: ScaleMethod::Robust,
            kmeans: KMeansParams::new(3).n_runs(10).seed(42),
        }
    }

    /// Other feature columns.
    pub fn features(mut self, columns: &[&str]) -> Self {
        self.features = columns.iter().map(|c| c.to_string()).collect();
        self
    }

    /// Log-transform prices and counts (log1p) or not.
    pub fn log(mut self, log: bool) -> Self {
        self.log = log;
        self
    }

    /// Another scaler.
    pub fn scaling(mut self, scaling: ScaleMethod) -> Self {
        self.scaling = scaling;
        self
    }

    /// Validates the features and the K-Means settings.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for no features or bad K-Means settings.
    pub fn check(&self) -> Result<()> {
        if self.features.is_empty() {
            return Err(Error::param("features", "at least one column is needed"));
        }
        self.kmeans.check()
    }

    /// "discounted_price, rating … | log1p | robust".
    pub fn describe(&self) -> String {
        format!(
            "{} | {} | {}",
            self.features.join(", "),
            if self.log {
                "log1p(prices, counts)"
            } else {
                "no transform"
            },
            self.scaling.describe()
        )
    }

    /// The scaled feature matrix: missing rating_count → median, optional
    /// log1p, then the scaler.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a missing column, no rows or a missing value
    /// outside rating_count.
    pub fn matrix(&self, products: &DataFrame) -> Result<Array2<f64>> {
        self.check()?;
        let n = products.height();
        if n == 0 {
            return Err(Error::input("product segments", "no products"));
        }
        let mut x = Array2::zeros((n, self.features.len()));
        for (j, name) in self.features.iter().enumerate() {
            let v = filled(products, name)?;
            let logged = self.log && (name.contains("price") || name == "rating_count");
            for (i, value) in v.into_iter().enumerate() {
                x[[i, j]] = if logged { value.ln_1p() } else { value };
            }
        }
        Ok(Scaler::fit_transform(self.scaling, x.view())?.1)
    }

    /// Inertia and silhouette (on all rows) for k = 2..=10.
    ///
    /// # Errors
    /// As [`SegmentParams::matrix`] and [`KSweep::run_full`].
    pub fn sweep(&self, products: &DataFrame) -> Result<KSweep> {
        let x = self.matrix(products)?;
        KSweep::run_full(x.view(), 2..=10, &self.kmeans)
    }

    /// Fits K-Means and names the segments from their profiles.
    ///
    /// # Errors
    /// As [`SegmentParams::matrix`] and [`KMeansParams::fit`].
    pub fn fit(&self, products: &DataFrame) -> Result<ProductSegments> {
        let x = self.matrix(products)?;
        let fit = self.kmeans.fit(x.view())?;
        let labels = fit.labels();
        let score = silhouette(x.view(), labels.view())?;
        let k = self.kmeans.k;
        let columns: Vec<Vec<f64>> = PROFILE
            .iter()
            .map(|c| filled(products, c))
            .collect::<Result<_>>()?;
        let mut profiles: Vec<SegmentProfile> = (0..k)
            .map(|c| {
                let rows: Vec<usize> = (0..labels.len()).filter(|&i| labels[i] == c).collect();
                let means: Vec<f64> = columns
                    .iter()
                    .map(|col| mean(&rows.iter().map(|&i| col[i]).collect::<Vec<_>>()))
                    .collect();
                let mut counts: Vec<f64> = rows.iter().map(|&i| columns[4][i]).collect();
                SegmentProfile {
                    cluster: c,
                    name: format!("Cluster {c}"),
                    products: rows.len(),
                    discounted_price: means[0],
                    actual_price: means[1],
                    discount: means[2],
                    rating: means[3],
                    rating_count: means[4],
                    median_rating_count: quantile(&mut counts, 0.5).unwrap_or(f64::NAN),
                }
            })
            .collect();
        name_segments(&mut profiles);
        let price = filled(products, "discounted_price")?;
        let count = filled(products, "rating_count")?;
        Ok(ProductSegments {
            params: self.clone(),
            labels: labels.to_vec(),
            silhouette: score,
            inertia: fit.inertia(),
            profiles,
            points: price.into_iter().zip(count).collect(),
        })
    }
}

/// A numeric column with missing rating counts filled by the median.
fn filled(products: &DataFrame, column: &str) -> Result<Vec<f64>> {
    let mut v = f64_values(products, column)?;
    let mut known: Vec<f64> = v.iter().copied().filter(|x| !x.is_nan()).collect();
    if known.len() == v.len() {
        return Ok(v);
    }
    if column != "rating_count" {
        return Err(Error::input(
            "product segments",
            format!("{column} has missing values"),
        ));
    }
    let median = quantile(&mut known, 0.5)?;
    v.iter_mut()
        .filter(|x| x.is_nan())
        .for_each(|x| *x = median);
    Ok(v)
}

/// The cluster with the most reviews per product is "Bestsellers", the
/// priciest of the rest "Premium", the cheapest "Value-for-money"; any
/// further cluster keeps "Cluster i". Profiles end up in that order.
fn name_segments(profiles: &mut [SegmentProfile]) {
    let mut free: Vec<usize> = (0..profiles.len()).collect();
    type Key = fn(&SegmentProfile) -> f64;
    let keys: [(Key, &str); 3] = [
        (|p| p.rating_count, "Bestsellers"),
        (|p| p.discounted_price, "Premium"),
        (|p| -p.discounted_price, "Value-for-money"),
    ];
    for (key, name) in keys {
        let best = (0..free.len())
            .max_by(|&a, &b| key(&profiles[free[a]]).total_cmp(&key(&profiles[free[b]])));
        if let Some(pos) = best {
            let idx = free.remove(pos);
            profiles[idx].name = name.to_string();
        }
    }
    let rank = |n: &str| match n {
        "Premium" => 0,
        "Value-for-money" => 1,
        "Bestsellers" => 2,
        _ => 3,
    };
    profiles.sort_by_key(|p| (rank(&p.name), p.cluster));
}

/// Means of one segment.
#[derive(Debug, Clone, PartialEq)]
pub struct SegmentProfile {
    /// K-Means label.
    pub cluster: usize,
    /// Name from the profile.
    pub name: String,
    /// Products in the segment.
    pub products: usize,
    /// Mean discounted price (₹).
    pub discounted_price: f64,
    /// Mean list price (₹).
    pub actual_price: f64,
    /// Mean discount (fraction).
    pub discount: f64,
    /// Mean rating.
    pub rating: f64,
    /// Mean number of ratings.
    pub rating_count: f64,
    /// Median number of ratings.
    pub median_rating_count: f64,
}

/// The fitted segmentation.
#[derive(Debug, Clone, PartialEq)]
pub struct ProductSegments {
    /// The settings used.
    pub params: SegmentParams,
    /// K-Means label per product.
    pub labels: Vec<usize>,
    /// Silhouette on all rows.
    pub silhouette: f64,
    /// Within-cluster sum of squares.
    pub inertia: f64,
    /// Profiles, Premium / Value-for-money / Bestsellers first.
    pub profiles: Vec<SegmentProfile>,
    points: Vec<(f64, f64)>,
}

impl ProductSegments {
    /// Rows clustered.
    pub fn rows(&self) -> usize {
        self.labels.len()
    }

    /// The profile named `name`.
    pub fn profile(&self, name: &str) -> Option<&SegmentProfile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    /// Sizes and means per segment, in rupees and counts.
    pub fn profile_table(&self) -> Table {
        let mut t = Table::new(
            format!(
                "Product segments (k = {}, silhouette {})",
                self.params.kmeans.k,
                number(self.silhouette, 4)
            ),
            [
                "segment",
                "products",
                "share",
                "mean price ₹",
                "mean list price ₹",
                "mean discount",
                "mean rating",
                "mean ratings",
                "median ratings",
            ],
        );
        for p in &self.profiles {
            t.push_row([
                p.name.clone(),
                thousands(p.products as i64),
                format!(
                    "{:.1}%",
                    100.0 * p.products as f64 / self.rows().max(1) as f64
                ),
                number(p.discounted_price, 0),
                number(p.actual_price, 0),
                format!("{:.1}%", 100.0 * p.discount),
                number(p.rating, 2),
                number(p.rating_count, 0),
                number(p.median_rating_count, 0),
            ]);
        }
        t.with_note(format!(
            "{} products; features: {}.",
            thousands(self.rows() as i64),
            self.params.describe()
        ))
    }

    /// Price against log10 rating count, one colour per segment.
    ///
    /// # Errors
    /// [`Error::Chart`] if drawing fails.
    pub fn scatter(&self) -> Result<Figure> {
        let groups: Vec<ScatterGroup> = self
            .profiles
            .iter()
            .map(|p| ScatterGroup {
                name: format!("{} ({})", p.name, p.products),
                points: self
                    .labels
                    .iter()
                    .zip(&self.points)
                    .filter(|(&l, _)| l == p.cluster)
                    .map(|(_, &(price, count))| (price, (count + 1.0).log10()))
                    .collect(),
            })
            .collect();
        let spec = ChartSpec::new("Product segments: price vs number of ratings")
            .x("discounted price (₹)")
            .y("log10(rating count + 1)");
        scatter(&spec, &groups, 5000)
    }

    /// Bars of one profile measure per segment ("discounted_price",
    /// "rating", "rating_count" or "discount").
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] for another measure; chart errors.
    pub fn mean_bars(&self, measure: &str) -> Result<Figure> {
        let (value, label): (fn(&SegmentProfile) -> f64, &str) = match measure {
            "discounted_price" => (|p| p.discounted_price, "mean discounted price (₹)"),
            "rating" => (|p| p.rating, "mean rating"),
            "rating_count" => (|p| p.rating_count, "mean number of ratings"),
            "discount" => (|p| 100.0 * p.discount, "mean discount (%)"),
            other => {
                return Err(Error::param(
                    "measure",
                    format!("unknown measure {other:?}"),
                ))
            }
        };
        let bars: Vec<(String, f64)> = self
            .profiles
            .iter()
            .map(|p| (p.name.clone(), value(p)))
            .collect();
        bar(
            &ChartSpec::new(format!("Segments: {label}"))
                .x("segment")
                .y(label)
                .size(520, 360),
            &bars,
        )
    }

    /// One recommendation per named segment, with its numbers.
    pub fn recommendations(&self) -> Table {
        let mut t = Table::new(
            "Recommendations per segment",
            ["segment", "what it is", "recommendation"],
        );
        for p in &self.profiles {
            let what = format!(
                "{} products, ₹{} on average, rating {}, {} ratings on average",
                thousands(p.products as i64),
                number(p.discounted_price, 0),
                number(p.rating, 2),
                number(p.rating_count, 0)
            );
            let advice = match p.name.as_str() {
                "Premium" => "Sell on quality, not on discount: the rules in §12 show deep discounts on high-priced items do not raise the rating rate (lift < 1). Show specs and reviews; bundle with accessories.",
                "Value-for-money" => "The bulk of the catalogue: compete on price and delivery; push the best-rated items of this group into the Bestsellers' bundles and watch the ratings of the lowest-rated items.",
                "Bestsellers" => "Traffic anchors with huge review counts: keep them in stock, use them as the lead item of bundles and cross-sell pages, and protect their rating.",
                _ => "No named role: inspect the profile before acting.",
            };
            t.push_row([p.name.clone(), what, advice.to_string()]);
        }
        t
    }
}

/// Silhouette and sizes at k = 3 for several feature / transform / scaler
/// choices, to show how much the 0.70+ depends on them.
///
/// # Errors
/// As [`SegmentParams::fit`].
pub fn compare_variants(products: &DataFrame, variants: &[SegmentParams]) -> Result<Table> {
    let mut t = Table::new(
        "K-Means variants at k = 3",
        [
            "features",
            "transform",
            "scaler",
            "silhouette",
            "segment sizes",
        ],
    );
    for v in variants {
        let fit = v.fit(products)?;
        let mut sizes: Vec<usize> = fit.profiles.iter().map(|p| p.products).collect();
        sizes.sort_unstable();
        let d = v.describe();
        let parts: Vec<&str> = d.split(" | ").collect();
        t.push_row([
            parts.first().copied().unwrap_or("").to_string(),
            parts.get(1).copied().unwrap_or("").to_string(),
            parts.get(2).copied().unwrap_or("").to_string(),
            number(fit.silhouette, 4),
            sizes
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(" / "),
        ]);
    }
    Ok(t.with_note(format!("{} products each.", products.height())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use polars::prelude::*;

    fn products() -> DataFrame {
        // 12 cheap products, 4 expensive ones, 3 with huge review counts.
        let mut price = vec![200.0; 12];
        price.extend([20_000.0; 4]);
        price.extend([900.0; 3]);
        let jitter = |i: usize| (i as f64 * 0.37).sin();
        let price: Vec<f64> = price
            .iter()
            .enumerate()
            .map(|(i, p)| p * (1.0 + 0.05 * jitter(i)))
            .collect();
        let n = price.len();
        let mut count: Vec<Option<f64>> = (0..n)
            .map(|i| Some(1000.0 + 100.0 * jitter(i + 3)))
            .collect();
        for c in count.iter_mut().skip(16) {
            *c = Some(300_000.0);
        }
        count[0] = None;
        df!(
            "discounted_price" => price.clone(),
            "actual_price" => price.iter().map(|p| p * 2.0).collect::<Vec<_>>(),
            "discount_percentage" => vec![0.5; n],
            "rating" => (0..n).map(|i| 4.0 + 0.1 * jitter(i + 7)).collect::<Vec<_>>(),
            "rating_count" => count,
        )
        .unwrap()
    }

    #[test]
    fn names_segments_from_profiles() {
        let seg = SegmentParams::new().fit(&products()).unwrap();
        let names: Vec<&str> = seg.profiles.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Premium", "Value-for-money", "Bestsellers"]);
        assert_eq!(seg.profile("Premium").unwrap().products, 4);
        assert_eq!(seg.profile("Bestsellers").unwrap().products, 3);
        assert!(seg.silhouette > 0.5);
        assert_eq!(seg.rows(), 19);
        assert!(seg.profile_table().to_string().contains("Value-for-money"));
        assert!(seg.recommendations().to_string().contains("Bestsellers"));
        assert!(seg.scatter().is_ok());
        assert!(seg.mean_bars("rating").is_ok());
        assert!(matches!(
            seg.mean_bars("colour"),
            Err(Error::InvalidParameter { .. })
        ));
    }

    #[test]
    fn bad_settings_are_typed_errors() {
        let p = products();
        assert!(matches!(
            SegmentParams::new().features(&[]).fit(&p),
            Err(Error::InvalidParameter { .. })
        ));
        assert!(SegmentParams::new().features(&["nope"]).fit(&p).is_err());
        let mut zero_k = SegmentParams::new();
        zero_k.kmeans = KMeansParams::new(0);
        assert!(matches!(
            zero_k.fit(&p),
            Err(Error::InvalidParameter { .. })
        ));
        let missing_price = df!("discounted_price" => [Some(1.0), None]).unwrap();
        assert!(SegmentParams::new()
            .features(&["discounted_price"])
            .matrix(&missing_price)
            .is_err());
    }
}

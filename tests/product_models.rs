//! Product notebook §6–9 on the real data: the headline numbers within tolerances.
//!
//! Reference figures: the original notebook (ORIGINAL_NOTEBOOKS.md) and
//! `benches/python/product_models.py reference` (scikit-learn 1.5.2 on the same
//! cleaning), which printed: explained variance 0.8377; K-Means k=3 silhouette
//! 0.4971, DB 0.6894, sizes 931/336/127; Ward k=3 silhouette 0.4218, DB 0.747,
//! sizes 683/587/124; linear R² 0.8515; 1,045 of 1,394 rows rated ≥ 4.0.

use amazon_sales::ml::neural::{MlpParams, TrainParams};
use amazon_sales::ml::text::TfidfParams;
use amazon_sales::products;
use amazon_sales::products::{build_space, price, rating, ProductFrame, RatingSource, SpaceParams};
use amazon_sales::Error;

fn frame(source: RatingSource) -> ProductFrame {
    let mut cleaned = products::load_clean().unwrap();
    let trimmed = products::trim_price_outliers(&cleaned.products, &mut cleaned.report).unwrap();
    ProductFrame::build(&trimmed, source).unwrap()
}

fn quiet(params: MlpParams) -> MlpParams {
    let train = TrainParams {
        log_every: 0,
        ..params.train.clone()
    };
    params.train(train)
}

#[test]
fn price_regression_reproduces_the_original_and_the_honest_variant_is_lower() {
    let f = frame(RatingSource::Original);
    assert_eq!(f.len(), 1394);
    let data = price::original_inputs(&f, 0.2, 42).unwrap();
    assert_eq!((data.x_train.nrows(), data.x_test.nrows()), (1115, 279));
    assert_eq!(data.x_train.ncols(), 13);
    let models = price::fit_original(&data, &quiet(MlpParams::regressor())).unwrap();
    // scikit-learn's split row for row, so the deterministic linear model gives the
    // original's printed numbers: R² 0.8515, RMSE 969.29.
    assert!(
        (models.linear.r2 - 0.8515).abs() < 1e-4,
        "linear R² {}",
        models.linear.r2
    );
    assert!(
        (models.linear.rmse - 969.29).abs() < 0.01,
        "linear RMSE {}",
        models.linear.rmse
    );
    // The ANN is not deterministic across stacks (Keras' Glorot draws and
    // shuffling are not reproduced): 0.87 here on the same split, 0.9825 in the original.
    assert!(
        models.ann_eval.r2 > 0.8 && models.ann_eval.r2 < 1.0,
        "ANN R² {}",
        models.ann_eval.r2
    );
    assert_eq!(models.ann.n_params(), 12_161);

    let honest = price::fit_honest(
        &frame(RatingSource::Corrected),
        50,
        &quiet(MlpParams::regressor()),
        0.2,
        42,
    )
    .unwrap();
    assert!(honest.formula_r2 > 0.99, "formula R² {}", honest.formula_r2);
    let best = honest
        .models
        .iter()
        .map(|m| m.r2_log)
        .fold(f64::MIN, f64::max);
    assert!(best > 0.3 && best < 0.9, "honest log R² {best}");
}

#[test]
fn rating_classification_baseline_and_imbalance_aware_recall() {
    let f = frame(RatingSource::Original);
    assert_eq!(f.rating_label.sum(), 1045);
    let data = rating::original_inputs(&f, 0.2, 42).unwrap();
    assert_eq!(data.y_test.len(), 279);
    assert_eq!(data.y_test.sum(), 209);
    let original = rating::fit_original(&data, &quiet(MlpParams::classifier())).unwrap();
    assert!((original.baseline - 0.7491).abs() < 1e-4);
    // the original's low-rated recall was 0.09 (LogReg) and 0.00 (ANN)
    assert!(original.logistic.low_recall() < 0.3);
    let balanced = rating::fit_balanced(&data, &quiet(MlpParams::classifier()), 0.2, 42).unwrap();
    assert!(
        balanced.logistic.low_recall() > 0.4,
        "{}",
        balanced.logistic.low_recall()
    );
    assert!(
        balanced.ann.low_recall() > 0.4,
        "{}",
        balanced.ann.low_recall()
    );
    assert!(balanced.logistic.balanced_accuracy > original.logistic.balanced_accuracy);
}

#[test]
fn text_vectors_and_clusters_match_scikit_learn() {
    let f = frame(RatingSource::Original);
    let space = build_space(&f, &SpaceParams::default()).unwrap();
    assert_eq!(space.x.dim(), (1394, 302));
    assert_eq!(space.tfidf.vocabulary().len(), 1000);
    assert_eq!(
        &space.tfidf.vocabulary()[..5],
        ["aa", "aaa", "abs", "ac", "access"]
    );
    // P-79 row 0: −0.490149, −0.466290, 0.368402
    assert!((space.z[[0, 0]] + 0.490149).abs() < 1e-5);
    assert!((space.z[[0, 2]] - 0.368402).abs() < 1e-5);
    // exact SVD ≥ randomized (0.8377 here, 0.8380 in the original)
    let ev = space.explained_variance();
    assert!((ev - 0.838).abs() < 0.01, "explained variance {ev}");

    let km = space.kmeans(3, 42).unwrap();
    assert!(
        (km.silhouette - 0.497).abs() < 0.05,
        "K-Means silhouette {}",
        km.silhouette
    );
    assert!(
        (km.davies_bouldin - 0.689).abs() < 0.05,
        "K-Means DB {}",
        km.davies_bouldin
    );
    let mut sizes = km.sizes();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    assert!(
        (sizes[0] as i64 - 931).abs() < 30 && (sizes[2] as i64 - 127).abs() < 15,
        "{sizes:?}"
    );

    let tree = space.ward_tree().unwrap();
    let ward = space.ward(&tree, 3).unwrap();
    assert!(
        (ward.silhouette - 0.40).abs() < 0.05,
        "Ward silhouette {}",
        ward.silhouette
    );
    assert!(
        (ward.davies_bouldin - 0.76).abs() < 0.05,
        "Ward DB {}",
        ward.davies_bouldin
    );
    assert!(ward.profile(&f, &space).rows().len() == 3);
}

#[test]
fn bad_input_gives_typed_errors() {
    // empty text column
    let empty = vec![String::new(); 5];
    assert!(matches!(
        TfidfParams::default().fit_transform(&empty),
        Err(Error::InvalidInput { .. })
    ));
    // k larger than the rows
    let f = frame(RatingSource::Original);
    let space = build_space(
        &f,
        &SpaceParams {
            components: 20,
            ..SpaceParams::default()
        },
    )
    .unwrap();
    assert!(space.kmeans(5000, 42).is_err());
    let tree = space.ward_tree().unwrap();
    assert!(matches!(
        space.ward(&tree, 5000),
        Err(Error::InvalidParameter { .. })
    ));
    // NaN features
    let data = price::original_inputs(&f, 0.2, 42).unwrap();
    let mut x = data.x_train.clone();
    x[[0, 0]] = f64::NAN;
    assert!(matches!(
        quiet(MlpParams::regressor()).fit(x.view(), data.y_train.view()),
        Err(Error::InvalidInput { .. })
    ));
}

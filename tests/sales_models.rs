//! The sales-report models on the real data, against the original's numbers
//! (ORIGINAL_NOTEBOOKS.md, R-35..R-85) within the tolerances.

use std::sync::OnceLock;
use std::time::Instant;

use amazon_sales::data::sales;
use amazon_sales::models::sales::cancellation::{fit_classifier, Classifier};
use amazon_sales::models::sales::inputs::{original_inputs, ModelFrame, OriginalInputs};

fn frame() -> &'static ModelFrame {
    static FRAME: OnceLock<ModelFrame> = OnceLock::new();
    FRAME.get_or_init(|| {
        let cleaned = sales::load_clean().expect("load the sales report");
        ModelFrame::from_clean(&cleaned.frame).expect("model frame")
    })
}

fn original() -> &'static OriginalInputs {
    static INPUTS: OnceLock<OriginalInputs> = OnceLock::new();
    INPUTS.get_or_init(|| original_inputs(frame(), 42).expect("original inputs"))
}

#[test]
fn model_inputs_match_the_original_counts() {
    let f = frame();
    assert_eq!(f.rows(), 113_670);
    assert_eq!(f.cancelled.sum(), 5_628);
    let o = original();
    assert_eq!(o.features.names.len(), 18);
    assert_eq!(o.before_smote, (108_042, 5_628));
    assert_eq!(o.after_smote, (108_042, 108_042));
    assert_eq!(o.classification.y_train.len(), 172_867);
    assert_eq!(o.classification.y_test.len(), 43_217);
    assert_eq!(o.regression.y_test.len(), 22_734);
}

#[test]
fn original_classifiers_reproduce_the_notebook() {
    let data = &original().classification;
    for (which, target) in [
        (Classifier::LogisticL2, 0.86),
        (Classifier::LogisticL1, 0.86),
        (Classifier::NaiveBayes, 0.86),
        (Classifier::DecisionTree, 0.942),
        (Classifier::RandomForest, 0.946),
    ] {
        let t = Instant::now();
        let m = fit_classifier(which, data, None, 42).expect("fit");
        let e = &m.evaluation;
        println!(
            "{which:?}: acc {:.4} train {:.4} auc {:.4} ({:.1?})",
            e.accuracy(),
            e.train_accuracy,
            e.roc_auc,
            t.elapsed()
        );
        assert!(
            (e.accuracy() - target).abs() <= 0.02,
            "{which:?} {}",
            e.accuracy()
        );
        if which == Classifier::RandomForest {
            assert!(e.roc_auc > 0.98, "{}", e.roc_auc);
        }
    }
}

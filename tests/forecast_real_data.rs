//! The §8 pipeline on the real sales data: series construction, the original
//! SARIMA, the weekly alternative, test-period scores and the dated forecast.

use amazon_sales::data::dates::days_from_mdy;
use amazon_sales::ml::forecast::{
    adf_test, evaluation, select_by_aic, SarimaOrder, SarimaParams, Trend,
};
use amazon_sales::sales;
use amazon_sales::sales::revenue::{daily_revenue, RevenueDefinition};

#[test]
fn daily_revenue_pipeline_on_real_data() {
    let cleaned = sales::load_clean().unwrap();
    let original = daily_revenue(&cleaned.frame, RevenueDefinition::Original).unwrap();
    let correct = daily_revenue(&cleaned.frame, RevenueDefinition::Correct).unwrap();
    // R-93 head: 03-31 98,261; 04-01 843,717; 91 days to 06-29 (412,098).
    assert_eq!(original.len(), 91);
    assert_eq!(
        original.span(),
        (
            days_from_mdy(2022, 3, 31).unwrap(),
            days_from_mdy(2022, 6, 29).unwrap()
        )
    );
    assert!(
        (original.values[0] - 98_261.0).abs() < 0.5 && (original.values[1] - 843_717.0).abs() < 0.5
    );
    assert!((original.values[90] - 412_098.0).abs() < 0.5);
    assert!((correct.values[1] - 779_737.0).abs() < 0.5);
    // 03-31 (98,261) and 06-29 (412,098) are both below half the median day.
    assert_eq!(
        original.partial_days(0.5),
        vec![original.dates[0], original.dates[90]]
    );

    let y = original.log1p();
    let adf = adf_test(&y.values, None, Trend::Constant).unwrap();
    assert!((adf.statistic + 12.737157080917891).abs() < 1e-6);

    let (train, test) = y.split(72).unwrap();
    let fit = SarimaParams::new(SarimaOrder::new((1, 0, 1), (1, 1, 1, 14)))
        .fit(&train.values)
        .unwrap();
    let pred = fit.predict(test.dates[0], test.len(), &[]).unwrap().point;
    let sarima = evaluation::score("SARIMA original", &test.values, &pred).unwrap();
    // The original printed RMSE 0.24 (statsmodels: 0.24218888545547373).
    assert!((sarima.rmse_log - 0.2422).abs() < 0.005, "{sarima:?}");
    let naive = evaluation::seasonal_naive(&train.values, 7, test.len()).unwrap();
    let naive = evaluation::score("naive", &test.values, &naive).unwrap();
    let weekly = select_by_aic(&train.values, 0, 1, 7, 1).unwrap();
    let wfit = SarimaParams::new(weekly.best.order)
        .fit(&train.values)
        .unwrap();
    let weekly_score = evaluation::score(
        "weekly",
        &test.values,
        &wfit.predict(test.dates[0], test.len(), &[]).unwrap().point,
    )
    .unwrap();
    println!(
        "original {sarima:?}\nnaive {naive:?}\nweekly {:?} {weekly_score:?}",
        weekly.best.order.label()
    );
    println!("{}", weekly.table("weekly", 5));
    println!("{}", fit.summary("original"));

    let full = SarimaParams::new(SarimaOrder::new((1, 0, 1), (1, 1, 1, 14)))
        .fit(&y.values)
        .unwrap();
    let f = full.predict(y.span().1 + 1, 60, &[0.8, 0.95]).unwrap();
    assert_eq!(f.dates[0], days_from_mdy(2022, 6, 30).unwrap());
    // statsmodels 0.14.4 on all 91 days: params [0.9435, -0.1905, -0.2894, -0.1532, 0.0141],
    // AIC -76.549, BIC -65.994; expm1 forecast 06-30 467,744 with 95 % interval 370,636..590,293.
    for (a, b) in full
        .params
        .iter()
        .zip([0.9435, -0.1905, -0.2894, -0.1532, 0.0141])
    {
        assert!((a - b).abs() < 1e-3, "{:?}", full.params);
    }
    assert!((full.aic + 76.549).abs() < 0.01 && (full.bic + 65.994).abs() < 0.01);
    let rupees = f.map(f64::exp_m1);
    assert!((rupees.point[0] - 467_744.0).abs() / 467_744.0 < 1e-3);
    assert!((rupees.intervals[1].lower[0] - 370_636.0).abs() / 370_636.0 < 1e-3);
    // Weekly model: statsmodels (1,0,1)(0,1,1,7) on 72 days: AIC -99.588, test RMSE 0.242883.
    assert_eq!(weekly.best.order, SarimaOrder::new((1, 0, 1), (0, 1, 1, 7)));
    assert!((wfit.aic + 99.588).abs() < 0.01 && (weekly_score.rmse_log - 0.242883).abs() < 1e-3);
    println!("{}", full.summary("full"));
    println!("{}", f.map(f64::exp_m1).table("fc", 0, 10));
}

// %% [markdown]
// ## 13. Summary (P-X18), *reconstructed*
// Each headline result of the original beside this project's rerun of the original (or
// reconstructed) pipeline and the honest figure. Every number comes from the cells above.
// %%
// P-X18: results table
use amazon_sales::products::summary::ProductSummary;
ProductSummary::new()
    .ann_price(price_models.ann_eval.r2, honest_price.best_r2_log(), honest_price.formula_r2)
    .kmeans(&segments, "same features, standard scaling", seg_standard.silhouette)
    .cnn(&cnn)
    .rules(&rating_rules, (&["Electronics", "High price", "Deep discount"], &["High rating"]))
    .table()
// %%
// P-X18: recommendations for each segment
segments.recommendations()

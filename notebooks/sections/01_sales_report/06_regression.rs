// %% [markdown]
// ## 6. Regression of Amount
// ### 6.1 Linear regression
// A simple, interpretable baseline with default settings, on the unscaled 18 features and a random
// 80/20 split (seed 42; 90,936 / 22,734 rows).
// %%
// linear regression (original pipeline)
let linear = sales::amount::fit_amount(AmountModel::Linear, &original.regression, 42)?;
linear.evaluation.table()
// %% [markdown]
// ### 6.2 Ridge regression
// Ridge shrinks large coefficients, keeps every feature and stabilises the fit.
// %%
// ridge, α = 1
let ridge = sales::amount::fit_amount(AmountModel::Ridge, &original.regression, 42)?;
ridge.evaluation.table()
// %% [markdown]
// ### "6.2" Random-forest regressor
// The original averages 100 trees and states max_depth 15, but its code uses **25** (flaw 9); 25 is
// used here. Min split 10, seed 42, all features considered at each split (scikit-learn's default
// for regression). The forest is this crate's CART (linfa-trees has no regression trees).
// %% [markdown]
// **Caveat (flaw 9):** §4.6 says the inputs are scaled; the regression uses the raw features.
// %%
// random-forest regressor (100 trees, depth 25, min split 10)
let forest_reg = sales::amount::fit_amount(AmountModel::RandomForest, &original.regression, 42)?;
forest_reg.evaluation.table()
// %%
// R-73 (regression): importances of the forest regressor
forest_reg.importance_chart("Random forest regressor importances (original pipeline)", 18)?
// %% [markdown]
// **Caveat (flaw 8):** Category, SKU, Style and ASIN dominate. With a random row split the same SKU
// sits in train and test, so the forest looks up each product's price by its code: R² 0.96 measures
// memory of a price list, not an understanding of what drives Amount.
// %% [markdown]
// ### Honest variant: split by SKU
// 20 % of the SKUs (seeded) go to the test side with all their rows, so no product is on both
// sides. The forest is refitted on the original features and on features without identifiers
// (one-hot Category, Size, Fulfilment, service level, state; Qty, B2B, promotion flag), beside the
// naive baseline "mean Amount of the row's Category".
// %%
// Honest: SKU-group split, forest with and without identifiers, category-mean baseline
let honest_amount = sales::amount::honest_amount(&frame, &original, 42)?;
honest_amount.table()
// %%
// Closing table: original vs honest
sales::amount::original_vs_honest(&[&linear.evaluation, &ridge.evaluation, &forest_reg.evaluation], &honest_amount)
// %% [markdown]
// **Which to believe:** the SKU-split rows without identifiers. With the original features the
// forest still scores high under the SKU split because Style (one code for all sizes of a design)
// and the other codes still let it look the price up; without identifiers it explains Amount only
// modestly better than the category's mean price. The original's 0.96 is price lookup by code
// (flaw 8). Errors are in rupees (RMSE, MAE) so they can be read directly.

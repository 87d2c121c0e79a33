// %% [markdown]
// # Amazon India sales report: data mining in Rust
//
// A cell-for-cell rebuild of the Python notebook *Khai_Pha_Amazon_Sales_Report* (cells R-0..R-132)
// with the Rust kernel evcxr. Every step is one call into the `amazon_sales` crate; tables and
// charts render inline. Where the original's method leaks or its conclusion does not follow from
// the data, a **Caveat** says so and an honest variant is shown beside the original.
//
// The first run compiles the crate and its dependencies (minutes); later runs reuse the build cache.
// %% [markdown]
// ### Flaws cited in this notebook
// The Caveat cells cite the original's methodological flaws by number:
//
// | flaw | in short |
// |---|---|
// | 1 | SMOTE on all rows before the train/test split |
// | 2 | plain SMOTE interpolates label codes and one-hot flags |
// | 3 | scaler fitted before the split |
// | 4 | identifiers (Order ID, SKU, ASIN, postal code) as features |
// | 5 | label codes of nominal columns used as ordered numbers |
// | 6 | the Amount > 0, Qty > 0 filter drops most cancelled orders |
// | 7 | the imputed promotion "None" acts as a proxy for the outcome |
// | 8 | the Amount regression is price lookup by product code |
// | 9 | text and code disagree (scaling, max_depth, "§6.2" twice) |
// | 10 | revenue = Amount × Qty, cancelled lines included |
// | 11 | partial first and last days (March is one day; there is no July) |
// | 12 | SARIMA error on the log scale only; the BIC reported as the AIC |
// | 13 | the "future" forecast is shifted by 19 days |
// | 14 | SARIMA orders contradict the ADF test and the 7-day cycle |
// | 15 | state names not normalised |
// | 16 | k = 3 chosen against the silhouette |
// | 17 | the Damaged/Lost box holds 4 orders |
//
// Full entries (cells affected, what the original did, why it misleads, where the honest figure
// is shown) are in [docs/flaws.md](../docs/flaws.md).
// %% [markdown]
// ## 0. Goals and research questions
//
// The original wants to find what drives order status, revenue and delivery, to predict
// cancellations and the order Amount, and to propose fixes. Its questions: which products sell best,
// which cities buy most, how often orders are cancelled, what cancelled orders have in common, and
// what drives Amount. Planned models: Amount regression, a daily-revenue forecast and a status
// classifier.
// %%
// Setup: the analysis crate (polars is used only through its re-export).
:dep amazon_sales = { path = ".." }
use amazon_sales::prelude::*;

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

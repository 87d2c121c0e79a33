// %% [markdown]
// # Amazon India product list: data mining in Rust
//
// A cell-for-cell rebuild of the Python notebook *Khai_Pha_Amazon_Sales_Dataset* (cells P-0..P-100,
// plus its lost final sections P-X1..P-X18) with the Rust kernel evcxr. Every step is one call into
// the `amazon_sales` crate; tables and charts render inline. Where the original leaks or concludes
// more than the data allows, a **Caveat** says so and an honest variant is shown beside it.
// %% [markdown]
// ### Flaws cited in this notebook
// The Caveat cells cite the original's methodological flaws by number (1–17 belong to the sales
// report notebook):
//
// | flaw | in short |
// |---|---|
// | 18 | discounted_price predicted from actual_price and the discount (its own formula) |
// | 19 | the "\|" rating fix missed the model frame (median 4.1 instead of 3.9) |
// | 20 | a one-sided price trim reported as "the central 90 %" |
// | 21 | the 75/25 class imbalance ignored; models ranked by accuracy |
// | 22 | hidden product duplicates (product_id repeats; counts summed per name) |
// | 23 | a hand-weighted clustering space, k against the silhouette, unseeded samples |
//
// Full entries (cells affected, what the original did, why it misleads, where the honest figure
// is shown) are in [docs/flaws.md](../docs/flaws.md).
// %% [markdown]
// ## 0. Goal (P-0)
//
// Segment products by description, price and rating (value versus quality). Questions: which
// segments are best value, premium or cheap; which products are overpriced and which are hidden
// bargains; how features, price and rating relate.
// %%
// P-1: the analysis crate replaces pandas, numpy, re, matplotlib and seaborn
:dep amazon_sales = { path = ".." }
use amazon_sales::prelude::*;
// %%
// P-2: load data/raw/amazon.csv.gz (typed) and, for showing the quirks, the same file as raw text
let data = products::load(paths::product_list())?;
let raw_text = products::load_raw_text(paths::product_list())?;
println!("{} listings, {} individual reviews", thousands(data.products.height() as i64), thousands(data.reviews.height() as i64));

// %% [markdown]
// ## 9. Promotions and top sellers (R-124..R-127)
// The original counts promotion codes among cancelled lines (R-124, where the variable is misnamed
// "not cancelled") and among kept lines.
// %%
// promotion codes on cancelled and kept lines (original: None 18,028 cancelled vs
// 31,114 kept; IN Core Free Shipping 293 vs 45,789)
sales::promotions::promotion_cancellation(&ts_frame, 10)?
// %% [markdown]
// The original concludes that Free Shipping "works" and that customers cancel when there is
// no promotion, so promotions should be pushed.
// %% [markdown]
// **Caveat (flaw 7):** an association, not a cause. "None" is an imputed missing value, and a
// promotion may be recorded only once an order goes through: 98.4 % of cancelled lines carry "None"
// against 28.1 % of kept ones, as expected if the field is filled *after* the outcome. Only an
// experiment (or order-time promotion data) can show whether promotions prevent cancellations.
// %% [markdown]
// ### Top 10 by revenue
// The original sums Amount over all statuses (df_report) for Category, SKU, Style and ASIN; states
// and cities are added here, with the normalised `state` column (flaw 15: 69 raw spellings).
// %%
// top-10 categories by summed Amount (original: Set 39,193,074.03; kurta 21,291,005.70; Western Dress 11,215,337.69)
let top_categories = eda::top_sums(&ts_frame, "Category", "Amount", 10)?;
charts::barh(&ChartSpec::new("Top categories by summed Amount (all statuses)").x("₹"), &top_categories)?
// %%
// top-10 SKUs (original: J0230-SKD-M 526,536.20; JNE3797-KR-L 524,581.77 ...)
let top_skus = eda::top_sums(&ts_frame, "SKU", "Amount", 10)?;
charts::barh(&ChartSpec::new("Top 10 SKUs by summed Amount").x("₹"), &top_skus)?
// %%
// top-10 styles (original: JNE3797 2,932,747.00; J0230 1,942,673.48; SET268 1,303,923.56; J0341 1,275,322.87)
let top_styles = eda::top_sums(&ts_frame, "Style", "Amount", 10)?;
charts::barh(&ChartSpec::new("Top 10 styles by summed Amount").x("₹"), &top_styles)?
// %%
// top-10 ASINs (the same products as the SKU list, in order)
let top_asins = eda::top_sums(&ts_frame, "ASIN", "Amount", 10)?;
charts::barh(&ChartSpec::new("Top 10 ASINs by summed Amount").x("₹"), &top_asins)?
// %%
// Added: top-10 states (normalised names) and cities
let top_states = eda::top_sums(&ts_frame, "state", "Amount", 10)?;
let top_cities = eda::top_sums(&ts_frame, "ship-city", "Amount", 10)?;
FigureGrid::new(vec![
    charts::barh(&ChartSpec::new("Top 10 states (normalised)").x("₹").size(480, 400), &top_states)?,
    charts::barh(&ChartSpec::new("Top 10 cities (as written)").x("₹").size(480, 400), &top_cities)?,
])
// %%
// All top-10 lists in one table
eda::top_sums_table("Top 10 by summed Amount (₹, all statuses, as R-127)", &ts_frame,
    &[("category", "Category"), ("SKU", "SKU"), ("style", "Style"), ("state", "state"), ("city", "ship-city")], "Amount", 10)?
    .with_note("Cancelled lines with a non-zero Amount are included, as in the original (flaw 10).")

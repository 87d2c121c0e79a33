// %% [markdown]
// ## 3. Exploratory analysis
// ### 3.1 Numeric distributions
// %%
// histograms of Qty and Amount (30 bins)
FigureGrid::new(vec![
    charts::histogram(&ChartSpec::new("Qty").x("units per line").y("frequency").size(480, 360), &f64_values(&df, "Qty")?, 30)?,
    charts::histogram(&ChartSpec::new("Amount").x("line amount (₹)").y("frequency").size(480, 360), &f64_values(&df, "Amount")?, 30)?,
])
// %% [markdown]
// Qty is almost always 1, with a block at 0 (mostly cancelled lines); Amount is right-skewed,
// mostly between ₹500 and ₹1,500.
//
// ### 3.2 Cancelled orders
// The original compares cancelled and other orders by state and by Amount.
// %%
// top-10 states by cancelled lines, raw spellings (as the original) and canonical names
let raw_states = sales::eda::cancelled_by_state(&df, "ship-state", 10)?;
let canonical_states = sales::eda::cancelled_by_state(&df, "state", 10)?;
FigureGrid::new(vec![
    charts::barh(&ChartSpec::new("Cancelled lines by ship-state (raw, original)").x("cancelled lines").size(480, 400), &raw_states)?,
    charts::barh(&ChartSpec::new("Cancelled lines by state (normalised)").x("cancelled lines").size(480, 400), &canonical_states)?,
])
// %% [markdown]
// Maharashtra leads (~3,000 cancelled lines), then Karnataka (> 2,000), Telangana, Uttar
// Pradesh and Tamil Nadu (~1,600), Kerala (> 1,000); Gujarat closes the top 10.
// %% [markdown]
// **Caveat:** these are counts, not rates: the states with most cancellations are the states with
// most orders. With names normalised the counts of Delhi, Rajasthan and others grow.
// %% [markdown]
// ### Revenue of cancelled and other orders
// Status is mapped to groups by case-insensitive substring, first match wins: delivered to buyer →
// Delivered; returned/rejected/returning → Returned; damaged/lost → Damaged/Lost; cancelled →
// Cancelled; shipped/pending/picked up/out for delivery → In transit.
// %%
// Amount (> 0) by status group
let groups = sales::eda::amount_by_status_group(&df)?;
charts::boxplot(&ChartSpec::new("Amount by status group (Amount > 0)").x("status group").y("Amount (₹)"), &groups)?
// %%
// R-24 (numbers behind the boxes)
sales::eda::group_medians(&groups)?
// %% [markdown]
// The original reads similar medians for Cancelled, Delivered and In transit (~₹600), a
// lower Returned box and a high Damaged/Lost box with no outliers.
// %% [markdown]
// **Caveat:** the Damaged/Lost box holds only 4 orders (flaw 17): its median says nothing.
// Returned is in fact slightly *higher* than the others, as the table shows.
// %% [markdown]
// ### 3.3 Revenue over time
// %%
// summed Amount per month, all statuses (as the original) and without cancelled lines
let monthly = sales::eda::monthly_revenue(&df, false)?;
let monthly_kept = sales::eda::monthly_revenue(&df, true)?;
charts::line_categories(&ChartSpec::new("Revenue per month (all statuses, as the original)").x("month").y("sum of Amount (₹)"), &monthly)?
// %%
// R-27 (table): both versions
sales::eda::monthly_table(&monthly, &monthly_kept)
// %% [markdown]
// The original reads: March near zero, an April peak (~₹29 M), then May (~₹26 M) and
// June (~₹23 M): growth then decline, worth checking against campaigns and seasonality.
// %% [markdown]
// **Caveat:** March is one day of data (2022-03-31), not a weak month, and the data ends on
// 2022-06-29 (flaw 11). Cancelled lines with a non-zero Amount are counted as revenue (flaw 10);
// without them every month is lower, but the April→June decline remains.

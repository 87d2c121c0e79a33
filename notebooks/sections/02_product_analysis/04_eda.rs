// %% [markdown]
// ## 4. Exploratory analysis (P-41)
// ### 4.1 Statistics and distributions (P-42)
// %%
// P-43: describe the five numeric columns
eda::describe(&p, &products::eda::NUMERIC, "Numeric columns")?
// %%
// P-44: histograms (30 bins)
eda::histogram_grid(&p, &products::eda::NUMERIC, 30)?
// %% [markdown]
// (P-45) Nothing is normally distributed: prices are right-skewed (mostly under ₹2,000), discounts
// cluster at 40-60 %, ratings are left-skewed (3.5-4.5) and rating counts right-skewed (< 100k).
// %%
// Extra: correlations between the numeric columns
eda::correlation_heatmap(&p, &products::eda::NUMERIC, "Pearson correlation")?
// %%
// P-46: describe the text columns
eda::describe_text(&p, &["product_id", "product_name", "category", "about_product", "review_id", "img_link", "product_link", "main_category", "specific_category"], "Text columns")?
// %% [markdown]
// (P-47) Electronics and USBCables are the most frequent main and specific categories; there are
// 9 main and 207 specific categories and 1,290 distinct product names.
// ### 4.2 Grouping and aggregation (P-48)
// (P-49) Mean rating per main category.
// %%
// P-50: mean rating per main category
let by_cat = products::eda::mean_rating_by_category(&p)?;
charts::barh(&ChartSpec::new("Mean rating by main category").x("mean rating"), &by_cat)?
// %%
// P-50 (table) and a profile of each category
products::eda::category_profile(&p)?
// %% [markdown]
// (P-51) Office products and toys rate highest; electronics, kitchen and health are in the middle;
// musical instruments and car accessories lowest.
// %% [markdown]
// **Caveat:** several categories hold one or two products (see the table), so their means are
// anecdotes.
// %% [markdown]
// (P-52) The ten most-reviewed products.
// %%
// P-53: as the original: rating_count summed per (category, name)
let top_original = products::eda::most_reviewed_original(&p, 10)?;
products::eda::reviewed_table("Most reviewed (original: counts summed per name)", &top_original)
// %%
// P-53 corrected: one row per product_id
let top_dedup = products::eda::most_reviewed_dedup(&p, 10)?;
products::eda::reviewed_table("Most reviewed (one row per product_id)", &top_dedup)
// %%
// P-54: bars of the corrected ranking
products::eda::reviewed_chart("Ten most-reviewed products", &top_dedup)?
// %% [markdown]
// (P-55) Electronics is the most reviewed category, led by the AmazonBasics HDMI cable; boAt's
// Deuce cable leads Computers and Accessories. Most-reviewed products can stand in for best sellers.
// %% [markdown]
// **Caveat:** the original's top value 853,945 is one product listed twice (426,973 + 426,973):
// summing per name double-counts repeated listings (flaw 22). The corrected ranking counts each
// product once.

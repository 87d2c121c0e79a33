// %% [markdown]
// ## 2. Dataset assessment (P-5)
// %%
// P-6: the first rows as stored: prices with "₹" and thousands separators, discount with "%"
Table::from_frame("First 5 rows (raw text)", &raw_text.select(["product_id", "product_name", "discounted_price", "actual_price", "discount_percentage", "rating", "rating_count"])?, 5)
// %%
// P-7: size
println!("{} rows, {} columns", thousands(raw_text.height() as i64), raw_text.width());
// %%
// P-8: types, nulls, distinct values, examples; full-row and product_id duplicates
quality_report(&raw_text, "amazon.csv (as stored: all text)", Some("product_id"))?
// %% [markdown]
// (P-9) 1,465 rows and 16 text columns.
//
// (P-10) Plan for the numbers: prices → float without "₹" and ","; rating → float; discount →
// float without "%"; rating_count → integer without ",".
//
// (P-11, P-12) The text columns need cleaning: shorten product names, split the category path into
// levels, and clean about_product and the reviews for TF-IDF.
// %% [markdown]
// **Caveat:** the assessment checks duplicates on full rows only. product_id has 1,351 distinct
// values in 1,465 rows: 114 rows repeat a product with different text (flaw 22).
// %%
// P-13, P-14: missing values and their share
eda::null_counts(&data.products.select(products::RAW_COLUMNS)?, "Missing values (typed frame)")
// %% [markdown]
// (P-15) Only rating_count has gaps (2 rows, 0.14 %), which could be dropped or filled.

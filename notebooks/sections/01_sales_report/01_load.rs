// %% [markdown]
// ## 1. Load and inspect
//
// The loader reads the gzip-compressed CSV shipped in `data/raw/` (paths are resolved from the
// project root) and types each column: `Date` (MM-DD-YY) becomes a date, postal codes stored as
// floats (`400081.0`) become text, `Qty` an integer, `Amount` a nullable number, `B2B` a flag.
// Pandas warned about mixed types in column 23 (`Unnamed: 22`); here it is read as text.
// %%
// load with typed columns; shape and the first rows
let raw = sales::load(paths::sales_report())?;
println!("shape: {} rows × {} columns", thousands(raw.height() as i64), raw.width());
Table::from_frame("First 5 rows", &raw, 5)
// %%
// per column dtype, missing values, distinct values and examples; duplicates
quality_report(&raw, "Amazon Sale Report.csv", Some("Order ID"))?
// %%
// column dictionary (the original's two mismatched keys fixed to the real names)
sales::column_dictionary()

// %% [markdown]
// ## 2. Preprocessing
//
// Each rule of the original is one library function that records rows and columns before and
// after in a `CleaningReport`, so nothing is dropped silently.
//
// ### 2.1 Drop uninformative columns
// `index` is the row number and `Unnamed: 22` an Excel export artefact; the original also drops
// `Courier Status`.
// %%
// drop index, Unnamed: 22 and Courier Status
let mut report = CleaningReport::new("Amazon Sale Report.csv", raw.height(), raw.width());
sales::record_typed_at_load(&raw, &mut report)?;
let df = sales::drop_uninformative_columns(raw.clone(), &mut report)?;
println!("{} rows × {} columns", thousands(df.height() as i64), df.width());
// %% [markdown]
// ### 2.2 Types
// Date → date, postal code float → text. Both conversions happen in the loader (typed at load),
// and the report's first line counts them.
// %%
// the converted columns
println!("Date: {}, ship-postal-code: {}", df.column("Date")?.dtype(), df.column("ship-postal-code")?.dtype());
Table::from_frame("Date and postal code after conversion", &df.select(["Order ID", "Date", "ship-postal-code"])?, 5)
// %% [markdown]
// ### 2.3 Missing values
// Models cannot take nulls. The original drops mostly empty columns (< 40 % non-null), drops the
// 33 rows without a shipping address, and fills currency with "INR", Amount with 0 and
// promotion-ids with "None".
// %% [markdown]
// **Caveat:** Amount 0 is not a real amount: those rows are later removed from the models
// (Amount > 0), which removes most cancelled orders (flaw 6). "None" as a promotion turns out
// to be the strongest predictor of cancellation (flaw 7).
// %%
// missing values before the rules
eda::null_counts(&df, "Missing values before cleaning")
// %%
// drop sparse columns and address-less rows, fill the rest
let df = sales::drop_sparse_columns(df, &mut report, 0.4)?;
let df = sales::drop_rows_missing_ship_fields(df, &mut report)?;
let df = sales::fill_missing_values(df, &mut report)?;
eda::null_counts(&df, "Missing values after cleaning")
// %% [markdown]
// ### 2.4 Duplicates
// Duplicate lines would count the same order twice in revenue totals.
// %%
// exact duplicates, dropped
println!("duplicate rows before: {}", eda::duplicate_rows(&df)?);
let df = sales::drop_duplicate_rows(df, &mut report)?;
println!("duplicate rows after: {}", eda::duplicate_rows(&df)?);
println!("{} rows × {} columns", thousands(df.height() as i64), df.width());
// %% [markdown]
// ### 2.5 Categorical columns
// Models need numbers, so the text columns must be encoded later (section 4).
// %%
// the text columns (the postal code is text too here: its type is string)
eda::text_columns(&df)
// %% [markdown]
// ### Extra: state names
// `ship-state` holds 69 spellings of 37 places (36 states and union territories plus APO, the army
// post office; upper-casing alone still leaves 47) ("Gujarat" in mixed case, "RJ", "Rajsthan",
// "New Delhi", ...), which splits states in every ranking (flaw 15). The original never fixes
// this; here a canonical `state` column is added as an explicit, counted step, and `ship-state`
// keeps the raw spelling so the original's tables can still be reproduced.
// %%
// Extra step: canonical state names, then the whole cleaning log
let df = sales::normalise_states(df, &mut report)?;
report

// %% [markdown]
// ## 4. Inputs for the models
// ### 4.1 Targets and model types
// Classification: **Cancelled** = 1 when Status is exactly "Cancelled", else 0. Regression:
// **Amount**, explained by product, region and shipping.
//
// ### 4.2 Filter invalid rows
// The original drops lines with Amount ≤ 0 (Amount was filled with 0 where missing) and keeps Qty > 0.
// %%
// R-32 + R-35: the Cancelled target and the Amount > 0, Qty > 0 filter (113,670 rows)
let frame = ModelFrame::from_clean(&df)?;
frame.filter_table()
// %% [markdown]
// **Caveat (flaw 6):** of the cancelled lines only 5,628 survive the filter: most cancelled lines
// have Qty 0. The models therefore learn about an unusual subset of cancellations.
// %% [markdown]
// ### 4.3 Encoding
// Text columns with more than 5 distinct values get label codes (a value's code is its position in
// the sorted distinct strings, as scikit-learn's `LabelEncoder`); the others become 0/1 dummies.
//
// ### 4.4 Feature selection
// %%
// R-38 + R-40: label codes, dummies, and the dropped columns; the 18 features
let original = sales::inputs::original_inputs(&frame, 42)?;
original.encoding_table()
// %%
// R-38 (head): the encoded features
original.features.head_table("Encoded features (R-38), first rows", 5)
// %% [markdown]
// **Caveat (flaws 4, 5):** Order ID (~110k codes), SKU, ASIN and the postal code are identifiers,
// yet they are inputs; Category, Size, state and promotion codes are nominal but their codes are
// used as if ordered.
// %% [markdown]
// ### 4.5 Class imbalance
// The original balances the classes with SMOTE (k = 5 neighbours, seed 42) on **all** rows. SMOTE
// is written in this crate (no maintained Rust crate fits) and, like imbalanced-learn on a
// DataFrame, casts the synthetic values back to each column's type (codes truncated, flags 0/1).
//
// ### 4.6 Scaling
// Linear and logistic models want features on one scale: StandardScaler (population standard
// deviation), fitted on the whole resampled matrix. The regression keeps the raw features.
//
// ### 4.7 Train/test split
// Random 80/20 with seed 42, not stratified, for both tasks.
// %%
// rows before and after SMOTE, and the split sizes
original.counts_table()
// %%
// the unscaled features (first rows)
original.features.head_table("Features before scaling (R-45)", 5)
// %%
// the scaled, resampled features (first training rows)
original.scaled_head(5)
// %% [markdown]
// **Caveat (flaws 1–3):** SMOTE and the scaler see every row before the split. Synthetic rows made
// from test rows' neighbours land in training, and the test set is balanced (about half cancelled)
// while the real cancel rate is 4.95 %; every metric in §5 inherits this. Believe §5's honest
// pipeline instead: split first (stratified), then resample or weight the training part.

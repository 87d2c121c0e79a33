// %% [markdown]
// ## 7. Scaling and text vectors for clustering (P-77)
// ### Numeric scaling (P-78)
// %%
// P-79: z-scores of discounted_price, actual_price and rating (ddof 0) on the 1,394 rows.
// The whole clustering space of P-79..P-85 is built in this one call; the next cells show its parts.
// The original scaled the columns in place, so its later profiles were in z-units (flaw 23); here
// the rupee columns stay in `frame`.
let space = build_space(&frame, &SpaceParams::default())?;
space.z_head(5)
// %% [markdown]
// ### Text vectorisation (P-80)
// P-81 only held a commented-out `pip install sentence-transformers`; it has no counterpart.
//
// TF-IDF as scikit-learn's `TfidfVectorizer(max_features=1000)`: token pattern `\b\w\w+\b`,
// smooth idf, L2-normalised rows. Tokens and counts come from linfa-preprocessing; the vocabulary
// cap keeps the terms with the largest total count as scikit-learn does (linfa ranks by document
// frequency) and the rows are L2-normalised (linfa does not). The description text is the P-34/P-35
// processed text; the lemmatiser handles regular plurals only (no WordNet in Rust).
// %%
// P-82: TF-IDF over the processed about_product, 1,000 terms
space.tfidf.summary(15)
// %%
// P-83: truncated SVD to 300 components (original: explained variance 0.8380). Exact here (the
// eigendecomposition of XᵀX with nalgebra); scikit-learn's randomized solver approximates the same
// subspace.
space.svd.summary()
// %% [markdown]
// ### Combining the features (P-84)
// %%
// P-85: X = [10·z(price), 10·z(rating)] + 300 SVD columns; the weight is "≈ √(302/3)"
space.summary()
// %% [markdown]
// **Caveat (flaw 23):** the weight 10 is chosen by hand. It makes the two z-scores dominate the
// distances (their variance is 100 each, against 0.84 for all 300 text columns together), so the
// clusters below are mostly price and rating bands with text as a tie-breaker.

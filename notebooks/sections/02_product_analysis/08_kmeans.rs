// %% [markdown]
// ## 8. K-Means (P-86)
// %%
// P-87: K-Means for k = 2..10 (10 runs, seed 42) on the full space: inertia and silhouette
let sweep = space.sweep(10, 42)?;
sweep.table()
// %%
FigureGrid::new(sweep.figures()?)
// %%
// P-88: K-Means with k = 3 (original sizes: 931 / 336 / 127)
let kmeans = space.kmeans(3, 42)?;
let kmeans_names = kmeans.names(&frame);
kmeans.scores_table("Original: silhouette 0.497, Davies–Bouldin 0.689, sizes 931 / 336 / 127.")
// %%
// P-89: the clusters on the first two principal components
space.scatter(&kmeans, &kmeans_names)?
// %%
// P-90: profile, in rupees (the original printed only the mean z-scores:
// C0 −0.253 / −1.330; C1 −0.289 / 0.443; C2 2.789 / 0.270)
kmeans.profile(&frame, &space)
// %% [markdown]
// P-91, the original's reading: C0 "cheap, poorly rated" (336, 24 %); C1 "good value" (931, 67 %),
// value for money and hidden bargains; C2 "premium" (127, 9 %).
// %% [markdown]
// **Caveat (flaw 23):** k = 3 was chosen although k = 2 has the higher silhouette (see the sweep).
// The segments are price and rating bands by construction of the space; the profile in rupees
// shows what each band means in prices.

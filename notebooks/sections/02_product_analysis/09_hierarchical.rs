// %% [markdown]
// ## 9. Hierarchical clustering (P-92)
// %%
// P-93: dendrograms of four linkages on one 500-row sample, last 30 merges. The original drew
// unseeded samples (flaw 23) and also tried cosine distances; here the sample is seeded (42) and
// the distance is Euclidean (kodama's linkages on the condensed distance matrix).
FigureGrid::new(space.method_dendrograms(500, 42, 30)?)
// %%
// P-94: the original keeps Ward linkage with Euclidean distance
let method = "ward + euclidean";
method
// %%
// P-95: Ward dendrogram of a second seeded 500-row sample with the original's cut line at 200
space.sample_dendrogram(500, 43, 30, Some(200.0))?
// %%
// P-96: Ward clustering of all rows, cut into 3 clusters
let ward_tree = space.ward_tree()?;
let ward = space.ward(&ward_tree, 3)?;
let ward_names = ward.names(&frame);
ward.scores_table("Original: silhouette 0.401, Davies–Bouldin 0.761, sizes 738 / 532 / 124.")
// %%
// P-97: the Ward clusters on the first two principal components
space.scatter(&ward, &ward_names)?
// %%
// P-98: profile in rupees (the original's mean z: C0 −0.263 / −0.633; C1 2.787 / 0.115;
// C2 −0.284 / 0.852)
ward.profile(&frame, &space)
// %% [markdown]
// P-99, the original's reading: C0 "mass-market, mid-low quality" (738, 53 %); C1 "premium"
// (124, 9 %), about 2.8 standard deviations above the mean price with an average rating, possibly
// overpriced, close to K-Means' premium cluster; C2 "best value" (532, 38 %).
// %%
// Original vs this run: both clusterings
text_space::comparison(&kmeans, &ward)
// %% [markdown]
// **Which to believe:** the premium segment (about 125 products) is stable across both methods
// and both runs; the split of the remaining products into "cheap" and "good value" depends on the
// method and on small changes in the text vectors, because the hand-weighted rating z-score draws
// the line. Read the segments as price/rating bands, not as discovered product types.

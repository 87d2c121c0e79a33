// %% [markdown]
// ## 10. Recommendations (R-128..R-132)
// The original's recommendations, each tied to the figure above it rests on, with what the data
// does and does not support.
//
// - **Categories .** "Set" leads with ₹39.2 M of summed Amount, ahead of kurta (₹21.3 M)
//   and Western Dress (₹11.2 M); the original proposes ads, bundles and seasonal combos for Set,
//   separate kurta and Western Dress campaigns, and Dupatta/Blouse/Bottom as upsell items. The
//   ranking holds; Dupatta (₹915 in total) is too small to carry a bundle strategy on its own.
// - **SKUs .** J0230-SKD-M/S/L and JNE3797-KR-S/M/L/XL/XS fill the top-10 SKU list (each
//   ₹0.28–0.53 M); the original suggests stocking and promoting them, with moderate XL/XXXL stock
//   because sizes M/L/S dominate. Supported by the list above.
// - **Styles .** JNE3797 (₹2.93 M), J0230 (₹1.94 M), SET268 (₹1.30 M) and J0341 (₹1.28 M)
//   lead; the original proposes premium and festive extensions of them.
// - **ASINs .** The top ASINs are the same products as the top SKUs; the original proposes
//   stock, ads, line extensions and "Best Seller" placement.
// - **Regions (R-85, added top-10).** With state names normalised (flaw 15), Maharashtra leads
//   (₹13.3 M), then Karnataka (₹10.5 M), Telangana (₹6.9 M) and Uttar Pradesh (₹6.8 M); Bengaluru
//   (₹6.8 M) and Hyderabad (₹4.9 M) lead the cities. Regional campaigns can start there.
// - **Promotions .** *Not supported as stated:* the promotion/cancellation table shows an
//   association whose direction is unknown (flaw 7). Test promotions with a controlled experiment
//   before pushing them to reduce cancellations.
// - **Forecast-based planning (§8).** The SARIMA models beat a seasonal-naive baseline by only a
//   little on 19 test days (RMSE ≈ 0.24 log units, ≈ ₹168 k a day, against ≈ 0.29 and ≈ ₹213 k),
//   and the 60-day forecast, correctly dated from 2022-06-30, has wide 80 % and 95 % intervals.
//   Use it as a range for stock planning, not as a point target; three months of data with partial
//   first and last days are too short to learn seasonality beyond the week.
//
// All amounts above are the original's definition (summed Amount, all statuses); cancelled lines
// make up part of them (flaw 10), so the kept-order revenue of each item is lower.

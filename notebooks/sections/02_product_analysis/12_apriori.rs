// %% [markdown]
// ## 12. Apriori association rules (P-X14), *reconstructed*
// P-X14: find product attributes that go together with high ratings. The README's example:
// "deeply discounted, high-priced electronics are highly likely to receive a high rating".
// Apriori is written in the crate (`ml::rules`, tested against mlxtend 0.23.3).
// %%
// P-X15: one transaction per product with banded items
use amazon_sales::ml::rules::Apriori;
use amazon_sales::products::bands::{ProductBands, RATING_ITEMS};
let bands = ProductBands::fit(&p, "rating")?;
bands.table()
// %%
// P-X16: Apriori, min support 0.05, ≤ 4 items; rules with confidence ≥ 0.6
let product_itemsets = Apriori::new().min_support(0.05).max_len(4).fit(bands.transactions())?;
let product_rules = product_itemsets.rules(0.6)?;
println!("{} frequent itemsets (by size {:?}), {} rules", product_itemsets.len(), product_itemsets.counts_by_size(), product_rules.len());
// %%
// P-X16: rules whose consequent is a rating band, by lift
let rating_rules = product_rules.with_consequent_in(&RATING_ITEMS);
rating_rules.table("Rules with a rating consequent, by lift", 15)
// %%
// P-X16: the headline rule, with its real lift
println!("{}", rating_rules.rule(&["Electronics", "High price", "Deep discount"], &["High rating"])?.evidence());
// %%
rating_rules.lift_chart("Rating rules by lift (1 = no association)", 12)?
// %%
// Rules with lift ≤ 1 are shown only to flag them: high confidence, no evidence
rating_rules.filter(|r| !r.is_evidence()).table("Rating rules with lift ≤ 1 (not evidence)", 10)
// %% [markdown]
// P-X17: the headline rule has confidence near 0.68 but a lift **below 1**: 76 % of all products
// are rated 4.0 or more, so deeply discounted, high-priced electronics are rated high *less*
// often than an average product. It is not evidence for a discount strategy. The rules with lift
// above 1 point elsewhere: mid-priced computer accessories, products with many reviews and
// modest discounts go with high ratings. For bundles, pair the well-rated accessories with the
// premium electronics rather than deepening the premium items' discounts.

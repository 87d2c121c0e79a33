// %% [markdown]
// ## 11. Market-basket analysis of the orders (beyond the original)
// Which products are bought together? A transaction is an order ("Order ID") with more than one
// line; its items are the distinct categories, styles or SKUs of its lines. Apriori and the rules
// come from `ml::rules` (tested against mlxtend 0.23.3).
//
// **Minimum support.** Only about 6,800 of some 120,000 orders have more than one line, and most
// of those repeat one category in several sizes, so a support of 0.05 would find nothing beyond
// single items. We use 0.01 (about 70 orders) for categories and 0.003 (about 20 orders) for
// styles, with low confidence floors (0.1 and 0.2), and judge every rule by its lift.
// %%
// Category baskets of the multi-line orders
use amazon_sales::ml::rules::Apriori;
use amazon_sales::sales::baskets::OrderBaskets;
let category_baskets = OrderBaskets::from_orders(&df, "Category")?;
category_baskets.table()
// %%
let category_itemsets = Apriori::new().min_support(0.01).max_len(4).fit(category_baskets.transactions())?;
let category_rules = category_itemsets.rules(0.1)?;
println!("{} frequent category itemsets (by size {:?})", category_itemsets.len(), category_itemsets.counts_by_size());
category_rules.table("Category rules in multi-line orders (support ≥ 0.01, confidence ≥ 0.1)", 10)
// %%
// Style baskets (a style groups the sizes and colours of one design)
let style_baskets = OrderBaskets::from_orders(&df, "Style")?;
style_baskets.table()
// %%
let style_itemsets = Apriori::new().min_support(0.003).max_len(4).fit(style_baskets.transactions())?;
let style_rules = style_itemsets.rules(0.2)?;
println!("{} frequent style itemsets (by size {:?})", style_itemsets.len(), style_itemsets.counts_by_size());
style_rules.table("Style rules in multi-line orders (support ≥ 0.003, confidence ≥ 0.2)", 12)
// %%
style_rules.lift_chart("Style pairs bought together, by lift", 10)?
// %%
// SKU baskets: each SKU is one size of one style
let sku_baskets = OrderBaskets::from_orders(&df, "SKU")?;
let sku_itemsets = Apriori::new().min_support(0.002).max_len(4).fit(sku_baskets.transactions())?;
println!("{} multi-line orders over {} SKUs; frequent SKU itemsets at support 0.002, by size: {:?}",
    sku_baskets.multi_line_orders, sku_baskets.transactions().items().len(), sku_itemsets.counts_by_size());
// %% [markdown]
// **What the rules suggest for bundling.** Across categories every rule has lift below 1:
// customers who order several lines mostly order several items of *one* category (a set and a
// kurta together are rarer than chance), so category-level cross-selling has no support here.
// Across styles a few pairs have lifts of 10 to 40: specific designs (for example SET397 with
// JNE3543, or the JNE3797 / JNE3798 / JNE3800 / JNE3801 family) are bought together far more
// often than chance. These pairs are the candidates for "bought together" bundles and
// cross-links; at the SKU level the baskets are too thin (no pair reaches 0.2 % of the orders).
// Supports are small (20 to 60 orders), so test such bundles before relying on them.

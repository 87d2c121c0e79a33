// %% [markdown]
// ## 1. Dataset description (P-3)
// %%
// P-4: the 16 fields (11 about the product, 5 about its reviews)
products::column_dictionary()

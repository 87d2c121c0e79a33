//! What the sentiment model says about the products (the study's questions
//! "how does sentiment shape how a product is seen" and "where do products
//! fall short"): the CNN's P(negative) on the untouched test documents set
//! against rating and price, and the products it scores most negative, with
//! the terms and two reviews behind each score.
//!
//! The terms are the document's words that are most over-represented in the
//! negative training documents (smoothed log-odds of document frequencies),
//! so they explain the label the network learned, not its weights.

use std::collections::{HashMap, HashSet};

use polars::prelude::DataFrame;

use super::sentiment::{review_documents, SentimentResult};
use crate::display::{number, Table};
use crate::error::{Error, Result};
use crate::frame::{f64_values, str_values};
use crate::stats::{mean, spearman};

/// A word needs this many negative training documents to be reported.
const MIN_NEGATIVE_DOCS: usize = 3;

/// Spearman correlations of the test scores with rating and discounted price,
/// and the mean score per rating band and per price quartile.
///
/// # Errors
/// [`Error::InvalidInput`] for a missing column or when `result` was computed
/// on another frame (a test row outside `products`).
pub fn score_links(products: &DataFrame, result: &SentimentResult) -> Result<Table> {
    let rating = picked(products, "rating", &result.test_rows)?;
    let price = picked(products, "discounted_price", &result.test_rows)?;
    let scores = &result.test_scores;
    if scores.is_empty() || scores.len() != rating.len() {
        return Err(Error::input(
            "sentiment findings",
            format!(
                "{} test scores for {} test rows",
                scores.len(),
                rating.len()
            ),
        ));
    }
    let mut table = Table::new(
        "CNN P(negative) on the test documents against rating and price",
        ["measure", "value", "documents"],
    );
    let n = scores.len().to_string();
    table.push_row([
        "Spearman correlation with rating".to_string(),
        number(spearman(scores, &rating), 3),
        n.clone(),
    ]);
    table.push_row([
        "Spearman correlation with discounted price".to_string(),
        number(spearman(scores, &price), 3),
        n,
    ]);
    let bands: [(&str, f64, f64); 4] = [
        ("rating < 3.5", f64::NEG_INFINITY, 3.5),
        ("rating 3.5–3.9", 3.5, 4.0),
        ("rating 4.0–4.2", 4.0, 4.3),
        ("rating ≥ 4.3", 4.3, f64::INFINITY),
    ];
    for (name, lo, hi) in bands {
        let band: Vec<f64> = scores
            .iter()
            .zip(&rating)
            .filter(|(_, r)| (lo..hi).contains(*r))
            .map(|(s, _)| *s)
            .collect();
        push_mean(&mut table, &format!("mean P(negative), {name}"), &band);
    }
    let mut sorted = price.clone();
    sorted.sort_by(f64::total_cmp);
    let quartile = |q: usize| sorted[(sorted.len() * q / 4).min(sorted.len().saturating_sub(1))];
    let cuts = [
        f64::NEG_INFINITY,
        quartile(1),
        quartile(2),
        quartile(3),
        f64::INFINITY,
    ];
    for q in 0..4 {
        let band: Vec<f64> = scores
            .iter()
            .zip(&price)
            .filter(|(_, p)| (cuts[q]..cuts[q + 1]).contains(*p))
            .map(|(s, _)| *s)
            .collect();
        let name = format!(
            "mean P(negative), price quartile {} (from ₹{})",
            q + 1,
            number(cuts[q].max(0.0), 0)
        );
        push_mean(&mut table, &name, &band);
    }
    Ok(table.with_note(
        "Weak labels: a document is negative when its product's rating is below 4.0, so the \
         correlation with rating is partly the label itself; the one with price is not.",
    ))
}

/// The `n` test products with the highest P(negative): name, rating, price,
/// score, the document's five most negative-leaning words and two of its
/// reviews (the raw `review_content`, split at the commas that join them).
///
/// # Errors
/// As [`score_links`].
pub fn shortfalls(products: &DataFrame, result: &SentimentResult, n: usize) -> Result<Table> {
    let (docs, labels) = review_documents(products, "rating")?;
    let names = str_values(products, "product_name_clean")?;
    let reviews = str_values(products, "review_content")?;
    let rating = f64_values(products, "rating")?;
    let price = f64_values(products, "discounted_price")?;
    check_rows(products, &result.test_rows)?;
    let test: HashSet<usize> = result.test_rows.iter().copied().collect();
    let train: Vec<usize> = (0..docs.len()).filter(|i| !test.contains(i)).collect();
    let leaning = negative_leaning(&docs, &labels.to_vec(), &train);
    let mut ranked: Vec<(usize, f64)> = result
        .test_rows
        .iter()
        .copied()
        .zip(result.test_scores.iter().copied())
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut table = Table::new(
        format!("The {n} test products the CNN scores most negative"),
        [
            "product",
            "rating",
            "price ₹",
            "P(negative)",
            "negative-leaning words",
            "two reviews",
        ],
    );
    for (row, score) in ranked.into_iter().take(n) {
        let mut words: Vec<(&str, f64)> = unique_tokens(&docs[row])
            .into_iter()
            .filter_map(|t| leaning.get(t).map(|&w| (t, w)))
            .filter(|(_, w)| *w > 0.0)
            .collect();
        words.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        let words: Vec<&str> = words.into_iter().take(5).map(|w| w.0).collect();
        let examples: Vec<String> = reviews[row]
            .as_deref()
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|r| r.chars().count() >= 20)
            .take(2)
            .map(|r| shorten(r, 140))
            .collect();
        table.push_row([
            shorten(names[row].as_deref().unwrap_or(""), 60),
            number(rating[row], 1),
            number(price[row], 0),
            number(score, 3),
            words.join(", "),
            examples.join(" | "),
        ]);
    }
    Ok(table)
}

/// Smoothed log-odds of each word's document frequency in the negative vs the
/// positive documents among `rows`; words in fewer than
/// [`MIN_NEGATIVE_DOCS`] negative documents are left out.
fn negative_leaning<'a>(
    docs: &'a [String],
    labels: &[usize],
    rows: &[usize],
) -> HashMap<&'a str, f64> {
    let mut freq: HashMap<&str, [usize; 2]> = HashMap::new();
    let mut totals = [0usize; 2];
    for &i in rows {
        totals[labels[i]] += 1;
        for t in unique_tokens(&docs[i]) {
            freq.entry(t).or_default()[labels[i]] += 1;
        }
    }
    let share = |k: usize, total: usize| (k as f64 + 1.0) / (total as f64 + 2.0);
    freq.into_iter()
        .filter(|(_, [_, neg])| *neg >= MIN_NEGATIVE_DOCS)
        .map(|(t, [pos, neg])| (t, share(neg, totals[1]).ln() - share(pos, totals[0]).ln()))
        .collect()
}

fn unique_tokens(doc: &str) -> Vec<&str> {
    let mut seen = HashSet::new();
    doc.split_whitespace().filter(|t| seen.insert(*t)).collect()
}

fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_string();
    }
    let mut short: String = text.chars().take(max_chars - 1).collect();
    short.push('…');
    short
}

fn push_mean(table: &mut Table, name: &str, values: &[f64]) {
    let shown = if values.is_empty() {
        "-".to_string()
    } else {
        number(mean(values), 3)
    };
    table.push_row([name.to_string(), shown, values.len().to_string()]);
}

fn check_rows(products: &DataFrame, rows: &[usize]) -> Result<()> {
    match rows.iter().find(|&&r| r >= products.height()) {
        Some(r) => Err(Error::input(
            "sentiment findings",
            format!(
                "test row {r} is outside the {}-row product frame: the result was computed on another frame",
                products.height()
            ),
        )),
        None => Ok(()),
    }
}

fn picked(products: &DataFrame, column: &str, rows: &[usize]) -> Result<Vec<f64>> {
    check_rows(products, rows)?;
    let values = f64_values(products, column)?;
    Ok(rows.iter().map(|&r| values[r]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_negative_documents_lean_negative() {
        let docs: Vec<String> = [
            "broke fast bad",
            "broke again bad",
            "broke bad cable",
            "great cable",
            "great value",
            "great fast",
        ]
        .map(String::from)
        .to_vec();
        let labels = [1, 1, 1, 0, 0, 0];
        let leaning = negative_leaning(&docs, &labels, &[0, 1, 2, 3, 4, 5]);
        assert!(leaning["broke"] > 0.0 && leaning["bad"] > 0.0);
        assert!(!leaning.contains_key("great"), "in no negative document");
        assert!(
            !leaning.contains_key("fast"),
            "in one negative document only"
        );
        // (3 + 1) / (3 + 2) vs (0 + 1) / (3 + 2)
        assert!((leaning["broke"] - 4f64.ln()).abs() < 1e-12);
    }

    #[test]
    fn long_text_is_shortened_with_an_ellipsis() {
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("abc", 4), "abc");
    }
}

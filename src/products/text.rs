//! Text cleaning of the product notebook (P-28, P-34, P-35): product names,
//! category levels and the free-text columns.
//!
//! The original lemmatised with NLTK's WordNet lemmatiser. No maintained Rust
//! crate ships WordNet, so [`lemmatise_noun`] applies the regular English
//! plural rules only (`cables` → `cable`, `batteries` → `battery`); irregular
//! nouns and WordNet's oddities (`us` → `u`) are left as they are.

/// NLTK's English stop-word list (179 words), used by P-35.
pub const STOP_WORDS: [&str; 179] = [
    "i",
    "me",
    "my",
    "myself",
    "we",
    "our",
    "ours",
    "ourselves",
    "you",
    "you're",
    "you've",
    "you'll",
    "you'd",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "he",
    "him",
    "his",
    "himself",
    "she",
    "she's",
    "her",
    "hers",
    "herself",
    "it",
    "it's",
    "its",
    "itself",
    "they",
    "them",
    "their",
    "theirs",
    "themselves",
    "what",
    "which",
    "who",
    "whom",
    "this",
    "that",
    "that'll",
    "these",
    "those",
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "do",
    "does",
    "did",
    "doing",
    "a",
    "an",
    "the",
    "and",
    "but",
    "if",
    "or",
    "because",
    "as",
    "until",
    "while",
    "of",
    "at",
    "by",
    "for",
    "with",
    "about",
    "against",
    "between",
    "into",
    "through",
    "during",
    "before",
    "after",
    "above",
    "below",
    "to",
    "from",
    "up",
    "down",
    "in",
    "out",
    "on",
    "off",
    "over",
    "under",
    "again",
    "further",
    "then",
    "once",
    "here",
    "there",
    "when",
    "where",
    "why",
    "how",
    "all",
    "any",
    "both",
    "each",
    "few",
    "more",
    "most",
    "other",
    "some",
    "such",
    "no",
    "nor",
    "not",
    "only",
    "own",
    "same",
    "so",
    "than",
    "too",
    "very",
    "s",
    "t",
    "can",
    "will",
    "just",
    "don",
    "don't",
    "should",
    "should've",
    "now",
    "d",
    "ll",
    "m",
    "o",
    "re",
    "ve",
    "y",
    "ain",
    "aren",
    "aren't",
    "couldn",
    "couldn't",
    "didn",
    "didn't",
    "doesn",
    "doesn't",
    "hadn",
    "hadn't",
    "hasn",
    "hasn't",
    "haven",
    "haven't",
    "isn",
    "isn't",
    "ma",
    "mightn",
    "mightn't",
    "mustn",
    "mustn't",
    "needn",
    "needn't",
    "shan",
    "shan't",
    "shouldn",
    "shouldn't",
    "wasn",
    "wasn't",
    "weren",
    "weren't",
    "won",
    "won't",
    "wouldn",
    "wouldn't",
];

/// P-28: `&` → " and ", other punctuation → space, spaces collapsed, cut to
/// 50 characters plus "..." when longer.
///
/// ```
/// use amazon_sales::products::text::clean_name;
/// assert_eq!(clean_name("Computers&Accessories"), "Computers and Accessories");
/// assert_eq!(clean_name(&"x".repeat(60)).len(), 53);
/// ```
pub fn clean_name(raw: &str) -> String {
    let spaced: String = raw
        .replace('&', " and ")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect();
    let collapsed = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.chars().count() > 50 {
        let cut: String = collapsed.chars().take(50).collect();
        format!("{cut}...")
    } else {
        collapsed
    }
}

/// P-34: lower-case, `&` runs → " and ", URLs and Amazon image fragments
/// removed, anything outside `[a-z0-9]` → space, spaces collapsed.
///
/// ```
/// use amazon_sales::products::text::clean_text;
/// assert_eq!(clean_text("Fast Charge&Data Sync: see https://x.io/a"), "fast charge and data sync see");
/// ```
pub fn clean_text(raw: &str) -> String {
    let lower = raw.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for token in lower.split_whitespace() {
        if token.starts_with("http") || token.starts_with("www") {
            continue;
        }
        let mut last_amp = false;
        for c in token.chars() {
            if c == '&' {
                if !last_amp {
                    out.push_str(" and ");
                }
                last_amp = true;
                continue;
            }
            last_amp = false;
            out.push(if c.is_ascii_lowercase() || c.is_ascii_digit() {
                c
            } else {
                ' '
            });
        }
        out.push(' ');
    }
    let words: Vec<&str> = out.split_whitespace().collect();
    drop_image_fragments(&words).join(" ")
}

/// Removes "m media amazon com images ..." runs left by image URLs split on punctuation.
fn drop_image_fragments<'a>(words: &[&'a str]) -> Vec<&'a str> {
    let mut kept = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if words[i..].starts_with(&["m", "media", "amazon", "com", "images"]) {
            i += 5;
            // the image id and file name that follow the fragment
            while i < words.len() && (words[i] == "i" || words[i].len() >= 8 || words[i] == "jpg") {
                i += 1;
            }
            continue;
        }
        kept.push(words[i]);
        i += 1;
    }
    kept
}

/// P-35: alphabetic tokens that are not stop words, lemmatised as nouns.
///
/// ```
/// use amazon_sales::products::text::normalise_tokens;
/// assert_eq!(normalise_tokens("the cables are 2 batteries"), "cable battery");
/// ```
pub fn normalise_tokens(cleaned: &str) -> String {
    cleaned
        .split_whitespace()
        .filter(|t| t.chars().all(|c| c.is_ascii_alphabetic()))
        .filter(|t| !STOP_WORDS.contains(t))
        .map(lemmatise_noun)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Regular English plural → singular (`ies` → `y`, `sses` → `ss`, `xes`/`ches`/`shes` → stem, `s` → stem).
///
/// ```
/// use amazon_sales::products::text::lemmatise_noun;
/// assert_eq!(lemmatise_noun("boxes"), "box");
/// assert_eq!(lemmatise_noun("glass"), "glass");
/// ```
pub fn lemmatise_noun(word: &str) -> String {
    let n = word.len();
    if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..n - 3])
    } else if word.ends_with("sses")
        || (n > 4 && (word.ends_with("xes") || word.ends_with("ches") || word.ends_with("shes")))
    {
        word[..n - 2].to_string()
    } else if n > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
        && !word.ends_with("is")
    {
        word[..n - 1].to_string()
    } else {
        word.to_string()
    }
}

/// Splits a comma-joined list of free-text items into `expected` pieces.
///
/// The review lists join items with "," (no space); commas inside a title or
/// review are usually followed by a space. Splitting on "," not followed by a
/// space gives the right count for most rows; when it does not, the
/// boundaries are ambiguous and `None` is returned rather than a guess.
///
/// ```
/// use amazon_sales::products::text::split_joined;
/// assert_eq!(split_joined("Good, cheap,Works", 2), Some(vec!["Good, cheap".to_string(), "Works".to_string()]));
/// assert_eq!(split_joined("a,b,c", 2), None);
/// ```
pub fn split_joined(joined: &str, expected: usize) -> Option<Vec<String>> {
    let bytes = joined.as_bytes();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b',' && bytes.get(i + 1) != Some(&b' ') {
            pieces.push(joined[start..i].to_string());
            start = i + 1;
        }
    }
    pieces.push(joined[start..].to_string());
    (pieces.len() == expected).then_some(pieces)
}

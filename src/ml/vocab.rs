//! [`Vocabulary`]: token ids for sequence models (P-X9), like Keras'
//! `Tokenizer(num_words, oov_token)` + `pad_sequences`: id 0 pads, id 1 is
//! the out-of-vocabulary token, ids 2.. are the most frequent tokens of the
//! fitting documents (ties alphabetical). Tokens are whitespace-separated
//! (the text is already cleaned by P-34/P-35).

use std::collections::HashMap;

use ndarray::Array2;

use crate::error::{Error, Result};

/// Id of the padding token.
pub const PAD: u32 = 0;
/// Id of every token outside the vocabulary.
pub const OOV: u32 = 1;

/// A fitted vocabulary.
///
/// ```
/// use amazon_sales::ml::vocab::{Vocabulary, OOV, PAD};
/// let vocab = Vocabulary::fit(&["good cable", "good price", "bad"], 4)?;
/// assert_eq!(vocab.len(), 4); // pad, oov, "good", "bad"
/// assert_eq!(vocab.encode("good new cable", 5), vec![2, OOV, OOV, PAD, PAD]);
/// # Ok::<(), amazon_sales::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Vocabulary {
    tokens: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    /// Keeps the `max_size − 2` most frequent tokens of `docs` (the two
    /// reserved ids count towards `max_size`).
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `max_size` < 3 (no room for a token);
    /// [`Error::InvalidInput`] when the documents hold no token.
    pub fn fit<S: AsRef<str>>(docs: &[S], max_size: usize) -> Result<Self> {
        if max_size < 3 {
            return Err(Error::param(
                "max_size",
                format!("a vocabulary needs at least 3 ids (pad, out-of-vocabulary, one token), got {max_size}"),
            ));
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for doc in docs {
            for token in doc.as_ref().split_whitespace() {
                *counts.entry(token).or_default() += 1;
            }
        }
        if counts.is_empty() {
            return Err(Error::input("vocabulary", "the documents hold no token"));
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let tokens: Vec<String> = ranked
            .into_iter()
            .take(max_size - 2)
            .map(|(t, _)| t.to_string())
            .collect();
        let ids = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (t.clone(), i as u32 + 2))
            .collect();
        Ok(Vocabulary { tokens, ids })
    }

    /// Number of ids, the two reserved ones included.
    pub fn len(&self) -> usize {
        self.tokens.len() + 2
    }

    /// Never true for a fitted vocabulary.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The id of a token ([`OOV`] when unknown).
    pub fn id(&self, token: &str) -> u32 {
        self.ids.get(token).copied().unwrap_or(OOV)
    }

    /// The first `seq_len` token ids of `doc`, padded at the end with
    /// [`PAD`]. Keeping the start keeps the review titles, which come first.
    pub fn encode(&self, doc: &str, seq_len: usize) -> Vec<u32> {
        let mut ids: Vec<u32> = doc
            .split_whitespace()
            .take(seq_len)
            .map(|t| self.id(t))
            .collect();
        ids.resize(seq_len, PAD);
        ids
    }

    /// Every document encoded, one row each.
    ///
    /// # Errors
    /// [`Error::InvalidParameter`] when `seq_len` is 0.
    pub fn encode_all<S: AsRef<str>>(&self, docs: &[S], seq_len: usize) -> Result<Array2<u32>> {
        if seq_len == 0 {
            return Err(Error::param("seq_len", "must be at least 1"));
        }
        let flat: Vec<u32> = docs
            .iter()
            .flat_map(|d| self.encode(d.as_ref(), seq_len))
            .collect();
        Array2::from_shape_vec((docs.len(), seq_len), flat)
            .map_err(|e| Error::input("vocabulary", e.to_string()))
    }

    /// Share of the tokens of `docs` that are out of the vocabulary.
    pub fn oov_share<S: AsRef<str>>(&self, docs: &[S]) -> f64 {
        let (mut oov, mut total) = (0usize, 0usize);
        for token in docs.iter().flat_map(|d| d.as_ref().split_whitespace()) {
            total += 1;
            oov += usize::from(!self.ids.contains_key(token));
        }
        if total == 0 {
            0.0
        } else {
            oov as f64 / total as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn most_frequent_tokens_first_ties_alphabetical() {
        let v = Vocabulary::fit(&["b a", "a c", "c"], 10).unwrap();
        assert_eq!((v.id("a"), v.id("c"), v.id("b")), (2, 3, 4));
        assert_eq!(v.len(), 5);
        assert_eq!(v.id("zzz"), OOV);
    }

    #[test]
    fn truncates_and_pads() {
        let v = Vocabulary::fit(&["a b c"], 10).unwrap();
        assert_eq!(v.encode("a b c a", 2), vec![2, 3]);
        let m = v.encode_all(&["a", "c x"], 3).unwrap();
        assert_eq!(m.row(1).to_vec(), vec![4, OOV, PAD]);
        assert!((v.oov_share(&["a x"]) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn bad_sizes_and_empty_documents_are_errors() {
        for size in [0, 1, 2] {
            assert!(matches!(
                Vocabulary::fit(&["a"], size),
                Err(Error::InvalidParameter {
                    name: "max_size",
                    ..
                })
            ));
        }
        assert!(matches!(
            Vocabulary::fit(&["", "  "], 10),
            Err(Error::InvalidInput { .. })
        ));
        let v = Vocabulary::fit(&["a"], 3).unwrap();
        assert!(matches!(
            v.encode_all(&["a"], 0),
            Err(Error::InvalidParameter {
                name: "seq_len",
                ..
            })
        ));
    }
}

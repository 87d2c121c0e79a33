//! Encoding categorical strings: label codes (position in the sorted unique
//! values, as scikit-learn's `LabelEncoder`) and one-hot columns (as pandas
//! `get_dummies`, one column per value in sorted order).

use std::collections::BTreeSet;

use ndarray::{Array1, Array2};

use crate::error::{Error, Result};

/// The sorted distinct values of a column; a value's code is its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelEncoder {
    classes: Vec<String>,
}

impl LabelEncoder {
    /// Learns the sorted distinct values.
    ///
    /// ```
    /// use amazon_sales::ml::encode::LabelEncoder;
    /// let enc = LabelEncoder::fit(["M", "L", "XL", "L"]);
    /// assert_eq!(enc.classes(), ["L", "M", "XL"]);
    /// assert_eq!(enc.transform(["XL", "L"])?.to_vec(), vec![2, 0]);
    /// # Ok::<(), amazon_sales::Error>(())
    /// ```
    pub fn fit<I, S>(values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let set: BTreeSet<String> = values.into_iter().map(|s| s.as_ref().to_string()).collect();
        Self {
            classes: set.into_iter().collect(),
        }
    }

    /// The known values, sorted (code i = `classes()[i]`).
    pub fn classes(&self) -> &[String] {
        &self.classes
    }

    /// Code of one value.
    pub fn code(&self, value: &str) -> Option<usize> {
        self.classes
            .binary_search_by(|c| c.as_str().cmp(value))
            .ok()
    }

    /// Codes of the values.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a value not seen by [`fit`](Self::fit).
    pub fn transform<I, S>(&self, values: I) -> Result<Array1<usize>>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        values
            .into_iter()
            .map(|v| {
                self.code(v.as_ref()).ok_or_else(|| {
                    Error::input("label encoder", format!("unseen value {:?}", v.as_ref()))
                })
            })
            .collect()
    }

    /// The value behind a code.
    pub fn decode(&self, code: usize) -> Option<&str> {
        self.classes.get(code).map(String::as_str)
    }
}

/// One-hot columns for the values of `encoder`, named `"{prefix}_{value}"`;
/// values unseen by the encoder get all zeros (an "other" row).
pub fn one_hot<I, S>(encoder: &LabelEncoder, prefix: &str, values: I) -> (Vec<String>, Array2<f64>)
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let values: Vec<S> = values.into_iter().collect();
    let k = encoder.classes().len();
    let mut m = Array2::zeros((values.len(), k));
    for (i, v) in values.iter().enumerate() {
        if let Some(c) = encoder.code(v.as_ref()) {
            m[[i, c]] = 1.0;
        }
    }
    let names = encoder
        .classes()
        .iter()
        .map(|c| format!("{prefix}_{c}"))
        .collect();
    (names, m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_dummies() {
        let enc = LabelEncoder::fit(["Merchant", "Amazon", "Amazon"]);
        assert_eq!(enc.code("Merchant"), Some(1));
        assert_eq!(enc.decode(0), Some("Amazon"));
        assert!(enc.transform(["Other"]).is_err());
        let (names, m) = one_hot(&enc, "Fulfilment", ["Amazon", "Merchant", "x"]);
        assert_eq!(names, ["Fulfilment_Amazon", "Fulfilment_Merchant"]);
        assert_eq!(m.row(1).to_vec(), vec![0.0, 1.0]);
        assert_eq!(m.row(2).sum(), 0.0);
    }
}

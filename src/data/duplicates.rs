//! Exact duplicate rows, found by hashing: every row is hashed (8 bytes) and
//! only the rows whose hash repeats are compared in full. On the sales report
//! this is several times faster and far lighter than polars' `unique` over all
//! columns, which row-encodes and copies the whole frame.

use std::collections::{HashMap, HashSet};

use polars::prelude::*;

use crate::error::Result;

/// For each row, whether it repeats an earlier row in every column (nulls
/// compare equal), so keeping the `false` rows keeps the first of each group.
///
/// ```
/// use amazon_sales::prelude::polars::prelude::*;
/// use amazon_sales::data::duplicates::repeats_earlier_row;
/// let df = df!("id" => ["a", "b", "a"], "x" => [1, 2, 1]).unwrap();
/// let repeat = repeats_earlier_row(&df).unwrap();
/// let repeat: Vec<bool> = (0..repeat.len()).map(|i| repeat.get(i) == Some(true)).collect();
/// assert_eq!(repeat, [false, false, true]);
/// ```
///
/// # Errors
/// [`crate::Error::Polars`] if polars cannot hash or compare a column.
pub fn repeats_earlier_row(df: &DataFrame) -> Result<BooleanChunked> {
    let n = df.height();
    let mut repeat = vec![false; n];
    if df.width() > 0 && n > 1 {
        let hashes: Vec<u64> = df.clone().hash_rows(None)?.into_no_null_iter().collect();
        let mut rows_per_hash: HashMap<u64, u32> = HashMap::with_capacity(n);
        for &h in &hashes {
            *rows_per_hash.entry(h).or_default() += 1;
        }
        let candidates: Vec<IdxSize> = (0..n)
            .filter(|&i| rows_per_hash.get(&hashes[i]).is_some_and(|&c| c > 1))
            .map(|i| i as IdxSize)
            .collect();
        for row in repeats_among(df, candidates)? {
            repeat[row] = true;
        }
    }
    Ok(BooleanChunked::from_slice(
        "repeats_earlier_row".into(),
        &repeat,
    ))
}

/// The rows among `candidates` (row numbers, ascending) that repeat an
/// earlier candidate in every column: a keep-first `unique` over the few candidates.
fn repeats_among(df: &DataFrame, candidates: Vec<IdxSize>) -> Result<Vec<usize>> {
    if candidates.is_empty() {
        return Ok(Vec::new());
    }
    let columns: Vec<String> = df
        .get_column_names()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let mut row_column = String::from("__row");
    while columns.contains(&row_column) {
        row_column.push('_');
    }
    let mut subset = df.take(&IdxCa::from_vec("idx".into(), candidates.clone()))?;
    subset.with_column(Column::new(row_column.as_str().into(), candidates.clone()))?;
    let kept = subset.unique_stable(Some(&columns), UniqueKeepStrategy::First, None)?;
    let kept: HashSet<u64> = kept
        .column(&row_column)?
        .cast(&DataType::UInt64)?
        .u64()?
        .into_no_null_iter()
        .collect();
    Ok(candidates
        .into_iter()
        .filter(|&row| !kept.contains(&(row as u64)))
        .map(|row| row as usize)
        .collect())
}

/// Number of rows that repeat an earlier row in every column.
///
/// # Errors
/// As [`repeats_earlier_row`].
pub fn count_duplicate_rows(df: &DataFrame) -> Result<usize> {
    Ok(repeats_earlier_row(df)?.sum().unwrap_or(0) as usize)
}

/// `df` without the rows that repeat an earlier row (the first of each group
/// is kept, order preserved); `df` itself when there is none.
///
/// # Errors
/// As [`repeats_earlier_row`].
pub fn drop_duplicate_rows(df: DataFrame) -> Result<DataFrame> {
    let repeat = repeats_earlier_row(&df)?;
    if !repeat.any() {
        return Ok(df);
    }
    Ok(df.filter(&!&repeat)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_first_of_each_group_with_nulls_equal() {
        let df = df!(
            "id" => ["a", "a", "b", "a", "b", "c"],
            "x" => [Some(1), Some(1), None, Some(1), None, Some(2)],
            "y" => ["p", "p", "q", "p", "q", "q"]
        )
        .unwrap();
        let repeat = repeats_earlier_row(&df).unwrap();
        let repeat: Vec<bool> = (0..repeat.len())
            .map(|i| repeat.get(i) == Some(true))
            .collect();
        assert_eq!(repeat, [false, true, false, true, true, false]);
        assert_eq!(count_duplicate_rows(&df).unwrap(), 3);
        let kept = drop_duplicate_rows(df.clone()).unwrap();
        assert_eq!(
            kept,
            df.unique_stable(None, UniqueKeepStrategy::First, None)
                .unwrap()
        );
    }

    #[test]
    fn rows_differing_in_one_column_and_empty_frames_have_no_repeats() {
        let df = df!("id" => ["a", "a"], "x" => [1, 2]).unwrap();
        assert_eq!(count_duplicate_rows(&df).unwrap(), 0);
        assert_eq!(count_duplicate_rows(&DataFrame::empty()).unwrap(), 0);
        // a data column named like the helper column
        let df = df!("__row" => [1, 1], "x" => [2, 2]).unwrap();
        assert_eq!(count_duplicate_rows(&df).unwrap(), 1);
    }
}

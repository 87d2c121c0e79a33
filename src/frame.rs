//! Getting plain Rust vectors out of polars frames, with errors that name the column.

use polars::prelude::*;

use crate::error::{Error, Result};

/// A numeric column as `f64` values; nulls become NaN.
///
/// ```
/// use amazon_sales::prelude::polars::prelude::*;
/// let df = df!("x" => [Some(1i64), None]).unwrap();
/// let v = amazon_sales::frame::f64_values(&df, "x").unwrap();
/// assert!(v[1].is_nan());
/// ```
///
/// # Errors
/// [`Error::InvalidInput`] when the column is missing or not numeric.
pub fn f64_values(df: &DataFrame, column: &str) -> Result<Vec<f64>> {
    let c = df
        .column(column)
        .map_err(|_| Error::input("f64_values", format!("no column {column:?}")))?;
    if !c.dtype().is_primitive_numeric() && !c.dtype().is_bool() {
        return Err(Error::input(
            "f64_values",
            format!("column {column:?} is {} not numeric", c.dtype()),
        ));
    }
    let cast = c.cast(&DataType::Float64)?;
    Ok(cast.f64()?.iter().map(|v| v.unwrap_or(f64::NAN)).collect())
}

/// A text column as owned strings; nulls become `None`.
///
/// # Errors
/// [`Error::InvalidInput`] when the column is missing or not text.
pub fn str_values(df: &DataFrame, column: &str) -> Result<Vec<Option<String>>> {
    let c = df
        .column(column)
        .map_err(|_| Error::input("str_values", format!("no column {column:?}")))?;
    let s = c.str().map_err(|_| {
        Error::input(
            "str_values",
            format!("column {column:?} is {} not text", c.dtype()),
        )
    })?;
    Ok(s.iter().map(|v| v.map(str::to_string)).collect())
}

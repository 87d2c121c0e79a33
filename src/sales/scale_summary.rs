//! The result of the sales scale pipeline, and the plain-text form in which
//! two engines' results are compared: polars streaming here
//! ([`crate::sales::scale`]) and DataFusion/Ballista in the `scale-out` crate,
//! which compiles this file too (it has no imports, so it builds in both
//! crates without `scale-out` depending on this one, and so on polars).

/// What a scale pipeline computed on one file.
#[derive(Debug, Clone, PartialEq)]
pub struct ScaleSummary {
    /// Rows in the file.
    pub rows_raw: usize,
    /// Rows with all four shipping-address fields (the address filter).
    pub rows_addressed: usize,
    /// Rows after the original's cleaning (address filter, duplicates).
    pub rows_clean: usize,
    /// Columns dropped by the < 40 % non-null rule.
    pub sparse_columns: Vec<String>,
    /// Daily revenue without cancelled lines: (days since 1970-01-01, ₹).
    pub daily_revenue: Vec<(i32, f64)>,
    /// Lines per canonical state name, largest first.
    pub lines_by_state: Vec<(String, u32)>,
}

impl ScaleSummary {
    /// The comparison form both engines write: tab-separated, one fact per
    /// line, revenue in whole paise, so two engines agree exactly or not at all.
    ///
    /// ```
    /// use amazon_sales::sales::scale_summary::ScaleSummary;
    /// let s = ScaleSummary { rows_raw: 4, rows_addressed: 3, rows_clean: 2,
    ///     sparse_columns: vec!["fulfilled-by".into()],
    ///     daily_revenue: vec![(19083, 647.625)], lines_by_state: vec![("GOA".into(), 2)] };
    /// assert_eq!(s.to_text(), "rows_raw\t4\nrows_addressed\t3\nrows_clean\t2\n\
    ///     sparse_columns\tfulfilled-by\nday\t19083\t64763\nstate\tGOA\t2\n");
    /// ```
    pub fn to_text(&self) -> String {
        let mut text = format!(
            "rows_raw\t{}\nrows_addressed\t{}\nrows_clean\t{}\nsparse_columns\t{}\n",
            self.rows_raw,
            self.rows_addressed,
            self.rows_clean,
            self.sparse_columns.join("|")
        );
        for (day, revenue) in &self.daily_revenue {
            text.push_str(&format!(
                "day\t{day}\t{}\n",
                (revenue * 100.0).round() as i64
            ));
        }
        for (state, lines) in &self.lines_by_state {
            text.push_str(&format!("state\t{state}\t{lines}\n"));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_form_rounds_revenue_to_paise() {
        let s = ScaleSummary {
            rows_raw: 4,
            rows_addressed: 3,
            rows_clean: 2,
            sparse_columns: vec!["fulfilled-by".into(), "x".into()],
            daily_revenue: vec![(19083, 647.625), (19084, 0.004)],
            lines_by_state: vec![("GOA".into(), 2)],
        };
        assert_eq!(
            s.to_text(),
            "rows_raw\t4\nrows_addressed\t3\nrows_clean\t2\nsparse_columns\tfulfilled-by|x\n\
             day\t19083\t64763\nday\t19084\t0\nstate\tGOA\t2\n"
        );
    }
}

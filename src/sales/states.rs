//! Canonical Indian state names for the sales report's `ship-state` column,
//! which holds 69 spellings (case variants, abbreviations, typos and old
//! names) of 37 places: 36 states and union territories plus APO, the army
//! post office (flaw 15 of the original; upper-casing alone leaves 47).

/// Maps one raw `ship-state` spelling to its canonical upper-case name.
///
/// Upper-cases and trims, then resolves abbreviations (`RJ`, `PB`, `NL`, `AR`),
/// typos (`Rajsthan`, `Rajshthan`), old names (`Orissa`, `Pondicherry`) and
/// city-level entries (`New Delhi`, `Punjab/Mohali/Zirakpur`).
///
/// ```
/// use amazon_sales::sales::states::canonical_state;
/// assert_eq!(canonical_state("Rajshthan"), "RAJASTHAN");
/// assert_eq!(canonical_state("New Delhi"), "DELHI");
/// assert_eq!(canonical_state("Gujarat"), "GUJARAT");
/// ```
pub fn canonical_state(raw: &str) -> String {
    let upper = raw.trim().to_uppercase();
    let canonical = match upper.as_str() {
        "AR" => "ARUNACHAL PRADESH",
        "NL" => "NAGALAND",
        "PB" | "PUNJAB/MOHALI/ZIRAKPUR" => "PUNJAB",
        "RJ" | "RAJSTHAN" | "RAJSHTHAN" => "RAJASTHAN",
        "NEW DELHI" => "DELHI",
        "ORISSA" => "ODISHA",
        "PONDICHERRY" => "PUDUCHERRY",
        "ANDAMAN & NICOBAR" => "ANDAMAN AND NICOBAR ISLANDS",
        "JAMMU & KASHMIR" => "JAMMU AND KASHMIR",
        "DADRA AND NAGAR" => "DADRA AND NAGAR HAVELI AND DAMAN AND DIU",
        other => other,
    };
    canonical.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_space_variants_collapse() {
        for raw in ["delhi", "Delhi", "DELHI", " New Delhi "] {
            assert_eq!(canonical_state(raw), "DELHI");
        }
        assert_eq!(
            canonical_state("ANDAMAN & NICOBAR "),
            "ANDAMAN AND NICOBAR ISLANDS"
        );
        assert_eq!(canonical_state("APO"), "APO");
    }
}
